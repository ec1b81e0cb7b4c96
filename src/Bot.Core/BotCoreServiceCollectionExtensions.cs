using Bot.Core.Commands;
using Bot.Core.Highlights;
using Bot.Core.Posting;
using Bot.Core.Rendering;
using Bot.Core.Templates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Core;

/// <summary>Registers the neutral commands, highlights and templates.</summary>
public static class BotCoreServiceCollectionExtensions
{
    /// <summary>Adds <see cref="CommandService"/>, <see cref="HighlightBuilder"/>, <see cref="TemplateStore"/> (validated at start) and <see cref="ConsoleRenderer"/>.</summary>
    public static IServiceCollection AddBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TemplatesOptions>()
            .Bind(configuration.GetSection(TemplatesOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TemplatesOptions>, TemplatesOptionsValidator>();
        services.AddSingleton<TemplateStore>();
        services.AddSingleton<HighlightBuilder>();
        services.AddSingleton<CommandService>();
        services.TryAddSingleton<SectionKeyCatalog>();
        services.TryAddSingleton<TargetGrammar>();
        services.AddSingleton<ConsoleRenderer>();
        return services;
    }
}
