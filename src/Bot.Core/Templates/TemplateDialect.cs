using System.Text.Encodings.Web;

namespace Bot.Core.Templates;

/// <summary>
/// What a platform adapter gives the template layer: its folder under <c>templates/</c>, the encoder applied to every
/// inserted value, and the markup the <c>link</c> filter writes. Each adapter registers its own, so the template layer
/// names no platform and a new one is a new project.
/// </summary>
public sealed class TemplateDialect
{
    /// <summary>Creates a dialect.</summary>
    /// <param name="name">The template folder's name (lower case), also the platform's name in target strings.</param>
    /// <param name="encoder">Escapes every value a template inserts, unless a part asks for another encoder.</param>
    /// <param name="link">Writes a link from its text and URL (both unescaped); it escapes the text itself.</param>
    public TemplateDialect(string name, TextEncoder encoder, Func<string?, string?, string> link)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(link);
        if (!name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{name}' is not a template folder name; use lower-case letters, digits and '-'.", nameof(name));
        }

        Name = name;
        Encoder = encoder;
        Link = link;
    }

    /// <summary>The template folder's name, e.g. <c>templates/{Name}/section.liquid</c>.</summary>
    public string Name { get; }

    /// <summary>The default encoder of inserted values.</summary>
    public TextEncoder Encoder { get; }

    /// <summary>The <c>link</c> filter: text and URL to link markup.</summary>
    public Func<string?, string?, string> Link { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
