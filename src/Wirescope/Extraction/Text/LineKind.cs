namespace Wirescope.Extraction.Text;

/// <summary>What a line of a page saved as text is.</summary>
public enum LineKind : byte { Chrome, Site, Headline, Byline, Dateline, Caption, Credit, Body, Subheading }
