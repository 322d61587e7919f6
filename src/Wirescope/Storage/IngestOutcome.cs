namespace Wirescope.Storage;

/// <summary>What happened to one input: added as article <see cref="ArticleId"/>, a duplicate of
/// it, or failed with a reason. <see cref="Story"/> is the story the article joined.</summary>
public sealed record IngestOutcome(string Input, IngestStatus Status, long? ArticleId, long? Story, string? Reason);
