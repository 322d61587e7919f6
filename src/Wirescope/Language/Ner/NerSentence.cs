namespace Wirescope.Language.Ner;

/// <summary>One sentence of NER data: word forms, gold BIO tags ("O" when absent), and the document it is in.</summary>
public sealed record NerSentence(string DocId, string[] Forms, string[] Tags, bool[] SpaceAfter, string[]? Pos = null);
