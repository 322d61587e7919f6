namespace Wirescope.Inputs.Warc;

/// <summary>Error codes of WARC input (layer.reason).</summary>
public static class WarcCodes
{
    /// <summary>The archive ends inside a record (a download cut short).</summary>
    public const string Truncated = "input.truncated";
}
