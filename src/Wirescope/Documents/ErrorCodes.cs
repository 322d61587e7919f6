namespace Wirescope.Documents;

/// <summary>
/// Stable per-document error codes, <c>layer.reason</c>. The runner uses them to tell a bad
/// document (the batch goes on) from a broken run.
/// </summary>
public static class ErrorCodes
{
    // Reading inputs
    public const string InputNotFound = "input.not_found";
    public const string InputUnreadable = "input.unreadable";
    public const string InputTooLarge = "input.too_large";
    public const string InputEmpty = "input.empty";
    public const string InputBinary = "input.binary";
    public const string InputBadGzip = "input.bad_gzip";
    public const string InputBadJson = "input.bad_json";
    public const string FetchFailed = "fetch.failed";
    public const string FetchRefused = "fetch.refused";
    public const string FetchTimeout = "fetch.timeout";

    // Extraction
    public const string ExtractEmptyBody = "extract.empty_body";
    public const string ExtractTooDeep = "extract.too_deep";
    public const string ExtractTimeout = "extract.timeout";
    public const string ExtractFailed = "extract.failed";

    // Later layers and the runner
    public const string LanguageFailed = "language.failed";
    public const string LanguageTooLong = "language.too_long";
    /// <summary>The article's language is not one the models are trained for: tokens and sentences only, no tags, parse or entities.</summary>
    public const string LanguageUnsupported = "language.unsupported";
    public const string StageFailed = "pipeline.stage_failed";
    public const string Timeout = "pipeline.timeout";
}
