using Bot.Library.State;
using Bot.Library.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Hosting;

/// <summary>
/// ASP.NET Core Data Protection with its key ring in <c>Bot:DataProtection:KeyPath</c> (default <c>&lt;data&gt;/keys</c>),
/// used to encrypt webhook targets in the database and by the dashboard's antiforgery tokens.
/// </summary>
public static class SecretsAtRest
{
    /// <summary>Registers the key ring and the <see cref="TargetProtector"/>.</summary>
    public static IServiceCollection AddBotSecretsAtRest(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDataProtection().SetApplicationName("Bot");
        // Read when the key ring is first used, not now: test hosts and --data add their settings after registration.
        services.AddOptions<KeyManagementOptions>().Configure<ILoggerFactory>((options, loggers) =>
        {
            var data = configuration["Bot:DataDirectory"] is { Length: > 0 } dir ? dir : "data";
            var keys = Path.GetFullPath(KeyPath(configuration) ?? Path.Combine(data, "keys"));
            // Created before the key ring writes its first key, so the folders are owner-only from the start.
            PrivateFiles.CreateDirectory(data);
            PrivateFiles.CreateDirectory(keys);
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(keys), loggers);
        });
        services.TryAddSingleton(sp => new TargetProtector(sp.GetRequiredService<IDataProtectionProvider>()));
        return services;
    }

    /// <summary>The configured key ring folder, or null for the default inside the data directory.</summary>
    public static string? KeyPath(IConfiguration configuration)
        => configuration?["Bot:DataProtection:KeyPath"] is { Length: > 0 } path ? path : null;
}
