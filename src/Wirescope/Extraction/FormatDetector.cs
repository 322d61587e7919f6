namespace Wirescope.Extraction;

/// <summary>
/// <c>--input-format auto</c>: HTML or a page saved as plain text, from the content alone. A text
/// page may mention "&lt;b&gt;" once; an HTML page has markup in its first lines and many tags.
/// </summary>
public static class FormatDetector
{
    /// <summary>Characters examined (the start of a page decides).</summary>
    public const int SampleChars = 16384;

    /// <summary>Tags per 1,000 characters above which an undeclared sample counts as HTML.</summary>
    public const double MinTagsPerKChar = 2.0;

    private static readonly string[] StrongStarts = ["<!doctype html", "<html", "<head", "<body", "<?xml", "<meta", "<!--", "<title", "<div", "<p>", "<p ", "<article", "<table", "<section", "<script", "<link", "<style"];

    public static bool LooksLikeHtml(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, SampleChars)).TrimStart();
        foreach (var s in StrongStarts)
            if (sample.StartsWith(s, StringComparison.OrdinalIgnoreCase)) return true;
        int tags = 0;
        for (int i = 0; i + 1 < sample.Length; i++)
        {
            if (sample[i] != '<') continue;
            char c = sample[i + 1];
            if (char.IsAsciiLetter(c) || c == '/' || c == '!') tags++;
        }
        return tags >= 3 && tags * 1000.0 / Math.Max(1, sample.Length) >= MinTagsPerKChar;
    }
}
