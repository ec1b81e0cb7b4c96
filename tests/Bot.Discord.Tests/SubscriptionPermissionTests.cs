using System.Net;
using System.Text.Json.Nodes;

namespace Bot.Discord.Tests;

// Issue 13: the bot trusted default_member_permissions alone; a server admin can show /subscribe to everyone.
public sealed class SubscriptionPermissionTests : DiscordHostTest
{
    [Theory]
    [InlineData("subscribe")]
    [InlineData("unsubscribe")]
    public async Task Command_IsRefused_ForAMemberWithoutManageChannels(string command)
    {
        var interaction = Interactions.Command(command, ("name", "weekly-papers"));
        interaction["member"] = new JsonObject { ["permissions"] = "1024", ["roles"] = new JsonArray("42") }; // VIEW_CHANNEL only

        var data = await InlineAsync(interaction);
        var listed = await InlineAsync(Interactions.Command("subscriptions"));

        Assert.Equal(64, (int)data["flags"]!);
        Assert.Contains("Manage Channels", (string)data["content"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("weekly-papers", listed.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_IsRefused_WithoutAMember()
    {
        var interaction = Interactions.Command("subscribe", ("name", "weekly-papers"));
        interaction.Remove("member");

        var data = await InlineAsync(interaction);

        Assert.Contains("Manage Channels", (string)data["content"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_IsAllowed_ForAnAdministrator()
    {
        var interaction = Interactions.Command("subscribe", ("name", "admin-papers"));
        interaction["member"] = new JsonObject { ["permissions"] = "8", ["roles"] = new JsonArray() };

        var data = await InlineAsync(interaction);

        Assert.Contains("Subscribed 'admin-papers'", (string)data["content"]!, StringComparison.Ordinal);
    }

    private async Task<JsonObject> InlineAsync(JsonObject interaction)
    {
        var (status, body, text) = await Interactions.SendAsync(Client, Host.Signer, interaction);
        Assert.True(status == HttpStatusCode.OK, $"{status}: {text}");
        return body!["data"]!.AsObject();
    }
}
