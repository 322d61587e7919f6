namespace Wirescope.Storage;

/// <summary>Markers around matched terms in <see cref="SearchHit.Snippet"/>; callers swap them for their own.</summary>
public static class SnippetMarks
{
    public const string Open = "\u0001";
    public const string Close = "\u0002";
}
