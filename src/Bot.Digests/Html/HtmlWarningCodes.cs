namespace Bot.Digests.Html;

/// <summary>Warning codes only the HTML path raises; every other warning is the Markdown parser's own.</summary>
public static class HtmlWarningCodes
{
    /// <summary>No article, main, post body or JSON-LD BlogPosting was found; the whole body was read.</summary>
    public const string NoArticle = "html-no-article";

    /// <summary>The post has no h2 sections, so it became one section named after the post.</summary>
    public const string SingleSection = "html-single-section";

    /// <summary>The body is not HTML (an image, a PDF, JSON…).</summary>
    public const string NotHtml = "html-not-html";
}
