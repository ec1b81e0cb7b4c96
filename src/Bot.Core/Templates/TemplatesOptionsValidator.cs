using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Core.Templates;

/// <summary>Fails start-up when the template folder is missing or a template does not parse, naming the file and line.</summary>
public sealed class TemplatesOptionsValidator : IValidateOptions<TemplatesOptions>
{
    private readonly IHostEnvironment? _environment;
    private readonly IReadOnlyList<TemplateDialect> _dialects;

    /// <summary>Creates the validator for the registered dialects; relative paths resolve against the content root.</summary>
    public TemplatesOptionsValidator(IEnumerable<TemplateDialect> dialects, IHostEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(dialects);
        _environment = environment;
        _dialects = dialects.ToList();
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TemplatesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            var directory = TemplateStore.ResolveDirectory(options.Path, _environment?.ContentRootPath);
            if (!System.IO.Directory.Exists(directory))
            {
                // One line for the folder, not one per template file inside it.
                return ValidateOptionsResult.Fail($"Bot:Templates:Path: the folder '{directory}' does not exist; point it at the templates folder (templates/ in the repository, or beside the published binary)");
            }

            var errors = TemplateStore.Validate(directory, _dialects);
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => "Bot:Templates: " + e));
        }
        catch (TemplateLoadException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
