namespace Wirescope.Inputs.Web;

/// <summary>A fetch that failed for a stated reason (code from ErrorCodes or FetchCodes).</summary>
public sealed class FetchException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
