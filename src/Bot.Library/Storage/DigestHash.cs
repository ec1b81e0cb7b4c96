using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bot.Digests;

namespace Bot.Library;

/// <summary>Content hash of a parsed digest (for digests stored without their Markdown): every field, length-prefixed.</summary>
internal static class DigestHash
{
    public static string Of(Digest digest)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new StringBuilder(4096);
        void Add(string? value)
        {
            buffer.Append(value is null ? -1 : value.Length).Append(':').Append(value).Append('\u001f');
            if (buffer.Length > 2048)
            {
                Flush();
            }
        }

        void Flush()
        {
            hash.AppendData(Encoding.UTF8.GetBytes(buffer.ToString()));
            buffer.Clear();
        }

        Add(DigestIngestor.IndexFormat);
        Add(digest.Id);
        Add(digest.Title);
        Add(digest.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(digest.Format.ToString());
        Add(string.Join('\u001e', digest.Tags));
        Add(string.Join('\u001e', digest.Categories));
        Add(digest.Author);
        Add(digest.Description);
        Add(digest.Summary);
        Add(digest.Slug);
        Add(digest.Permalink);
        foreach (var warning in digest.Warnings)
        {
            Add(warning.Code + "@" + warning.Line.ToString(CultureInfo.InvariantCulture) + " " + warning.Message);
        }

        foreach (var section in digest.Sections)
        {
            Add("S" + section.Key);
            Add(section.Title);
            foreach (var entry in section.Entries)
            {
                Add("E" + entry.Id);
                Add(entry.Title);
                Add(entry.Line.ToString(CultureInfo.InvariantCulture));
                foreach (var bullet in entry.Bullets)
                {
                    Add(bullet.Depth.ToString(CultureInfo.InvariantCulture) + " " + bullet.Text);
                }

                foreach (var image in entry.Images)
                {
                    Add("I" + image.Src);
                    Add(image.Caption);
                }

                foreach (var r in entry.References)
                {
                    Add("R" + r.Label);
                    Add(r.Title);
                    Add(r.Url);
                    Add(r.CanonicalUrl);
                    Add(r.Kind.ToString());
                    Add(r.ArxivId);
                    Add(r.Doi);
                }
            }
        }

        Flush();
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
