using System.Text.Json;

namespace Bot.Hosting;

/// <summary>
/// Reads a settings file as the JSON configuration provider does (comments, trailing commas) before the host loads it,
/// because the provider's own error ("Could not parse the JSON file") names neither the line nor the problem.
/// </summary>
internal static class ConfigFileChecker
{
    public static void Check(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigFileException($"{path}: cannot be read ({ex.Message.TrimEnd('.')})", ex);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigFileException($"{path}: line 1: the file must hold one JSON object ({{ \"Bot\": {{ … }} }}).");
            }
        }
        catch (JsonException ex)
        {
            var reason = ex.Message;
            var cut = reason.IndexOf(" Path:", StringComparison.Ordinal) is > 0 and var p ? p : reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
            {
                reason = reason[..cut];
            }

            throw new ConfigFileException($"{path}: line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}: not valid JSON ({reason.TrimEnd('.', ' ')}); a missing comma or quote is the usual cause.", ex);
        }
    }
}
