namespace Wirescope.Language.Ner;

/// <summary>An entity mention over document words [First, First + Count), with its type and the rule or model that found it.</summary>
public readonly record struct NerSpan(int First, int Count, string Type, string Rule)
{
    public int End => First + Count;

    /// <summary>The NER model's rule id.</summary>
    public const string ModelRule = "ner.model";

    /// <summary>A later mention of a name the model found earlier in the article (document consistency).</summary>
    public const string ConsistencyRule = "ner.consistency";
}
