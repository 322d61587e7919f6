namespace Wirescope.Documents;

/// <summary>
/// One token: a struct in a flat array (no object per token). Strings here are interned
/// labels (tags, relations) or lemmas shared across documents, never per-token copies.
/// </summary>
public struct Token
{
    public int Start;
    public int End;
    /// <summary>Index of the sentence holding the token.</summary>
    public int Sentence;
    /// <summary>Universal POS tag (UPOS), interned.</summary>
    public string? Upos;
    /// <summary>Penn Treebank tag (XPOS), interned.</summary>
    public string? Xpos;
    public string? Lemma;
    /// <summary>UD morphological features as an id into <see cref="Wirescope.Language.Morphology.FeatsTable"/> (0: none).</summary>
    public ushort Feats;
    /// <summary>Document-wide index of the head token; -1 for the sentence root or unparsed.</summary>
    public int Head;
    /// <summary>UD relation to the head, interned.</summary>
    public string? Deprel;
    /// <summary>BIO named-entity tag over OntoNotes types (B-PERSON, I-ORG, O), interned.</summary>
    public string? Ner;
    /// <summary>False when no whitespace follows the token in the source.</summary>
    public bool SpaceAfter;
    /// <summary>The form, only when it differs from the text span (CoNLL-U words); else null.</summary>
    public string? Form;
}

/// <summary>The document's tokens: a growable flat array of <see cref="Token"/> structs.</summary>
public sealed class TokenTable
{
    private Token[] _items = Array.Empty<Token>();

    public int Count { get; private set; }

    public ref Token this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return ref _items[index];
        }
    }

    /// <summary>The live tokens as a span (valid until the next Add).</summary>
    public Span<Token> AsSpan() => _items.AsSpan(0, Count);

    public int Add(in Token token)
    {
        if (Count == _items.Length) Array.Resize(ref _items, Math.Max(64, _items.Length * 2));
        _items[Count] = token;
        return Count++;
    }

    public void Clear() => Count = 0;

    /// <summary>The token's text: <see cref="Token.Form"/> when set, else its span of <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> FormOf(int index, string text)
    {
        ref var t = ref this[index];
        return t.Form is not null ? t.Form.AsSpan() : text.AsSpan(t.Start, t.End - t.Start);
    }
}

/// <summary>A sentence: a character span and the range of its tokens.</summary>
public readonly record struct Sentence(int Start, int End, int FirstToken, int TokenCount)
{
    public int EndToken => FirstToken + TokenCount;
}
