using Bot.Digests.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Bot.Digests.Parsing;

/// <summary>
/// Reads front matter with YamlDotNet's event parser: tolerant, keeps what it could read before an error. (A hand-written
/// subset for plain front matter was 10 µs a digest faster, about 4 % of parsing a real digest: not worth its 250 lines;
/// docs/benchmarks.md, "Front matter".)
/// </summary>
internal static class FrontMatterReader
{
    /// <summary>Reads <paramref name="yaml"/> whose first line is line <paramref name="firstLine"/> (1-based) of the file.</summary>
    public static FrontMatter Read(string yaml, int firstLine, List<ParseWarning> warnings)
    {
        var result = new FrontMatter();
        try
        {
            var parser = new Parser(new StringReader(yaml));
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                return result;
            }

            if (!parser.TryConsume<MappingStart>(out _))
            {
                if (!parser.Accept<DocumentEnd>(out _))
                {
                    warnings.Add(new ParseWarning(ParseWarningCodes.FrontMatterInvalid, "The front matter is not a list of 'key: value' lines; it was ignored.", firstLine));
                }

                return result;
            }

            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (!parser.TryConsume<Scalar>(out var key))
                {
                    parser.SkipThisAndNestedEvents();
                    parser.SkipThisAndNestedEvents();
                    continue;
                }

                if (parser.TryConsume<Scalar>(out var value))
                {
                    result.Scalars[key.Value] = (value.Value, firstLine + (int)value.Start.Line - 1);
                }
                else if (parser.TryConsume<SequenceStart>(out _))
                {
                    var items = new List<string>();
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        if (parser.TryConsume<Scalar>(out var item))
                        {
                            items.Add(item.Value);
                        }
                        else
                        {
                            parser.SkipThisAndNestedEvents();
                        }
                    }

                    result.Lists[key.Value] = items;
                }
                else
                {
                    parser.SkipThisAndNestedEvents();
                }
            }
        }
        catch (YamlException ex)
        {
            var line = firstLine + (int)Math.Max(0, ex.Start.Line - 1);
            warnings.Add(new ParseWarning(ParseWarningCodes.FrontMatterInvalid, $"The front matter is not valid YAML ({FirstLine(ex.Message)}); the keys before the error were kept.", line));
        }
        catch (InvalidOperationException ex)
        {
            warnings.Add(new ParseWarning(ParseWarningCodes.FrontMatterInvalid, $"The front matter could not be read ({FirstLine(ex.Message)}).", firstLine));
        }

        return result;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).Trim();
    }
}
