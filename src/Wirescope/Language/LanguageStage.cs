using Wirescope.Documents;
using Wirescope.Language.Tokenization;
using Wirescope.Pipeline;

namespace Wirescope.Language;

/// <summary>
/// The language layer as one stage with sub-steps, so that each sentence is tokenised,
/// tagged, lemmatised and parsed while its data is in cache: tokens (per paragraph;
/// paragraphs are hard sentence boundaries), sentences, UPOS/XPOS, lemmas, heads and
/// relations. Fills <see cref="Document.Tokens"/> and <see cref="Document.Sentences"/>.
/// </summary>
public sealed class LanguageStage : IStage
{
    /// <summary>Cap on tokens per document (a runaway page must not stall a batch).</summary>
    public const int MaxTokens = 2_000_000;

    private readonly LanguageModels? _models;
    private readonly Tokenizer _tokenizer;
    private readonly SentenceSplitter _splitter;
    private readonly ThreadLocal<Workspace> _workspaces;

    /// <summary>
    /// Models null: the shared ones, loaded on first use; tokenizer and splitter null: the
    /// defaults; <paramref name="parser"/>: how the sentences are parsed (as loaded, or another mode).
    /// </summary>
    public LanguageStage(LanguageModels? models = null, Tokenizer? tokenizer = null, SentenceSplitter? splitter = null, ParserMode parser = ParserMode.AsLoaded)
    {
        _models = models;
        _tokenizer = tokenizer ?? Tokenizer.Default;
        _splitter = splitter ?? SentenceSplitter.Default;
        _workspaces = new ThreadLocal<Workspace>(() => new Workspace(new SentenceAnalyzer((_models ?? SharedModels()).WithParsers(parser))));
    }

    /// <summary>The shared models; a missing or corrupt model file becomes a coded document error.</summary>
    private static LanguageModels SharedModels()
    {
        try
        {
            return LanguageModels.Default;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or EndOfStreamException)
        {
            throw new StageException(ErrorCodes.LanguageFailed, "language models: " + e.Message);
        }
    }

    public string Name => "language";
    public Layers Requires => Layers.Article;
    public Layers Assigns => Layers.Language;

    private sealed class Workspace(SentenceAnalyzer analyzer)
    {
        public readonly SentenceAnalyzer Analyzer = analyzer;
        public int[] Starts = new int[64];
        public int[] Ends = new int[64];
    }

    public void Run(Document doc, CancellationToken cancellationToken)
    {
        var article = doc.Article ?? throw new StageException(ErrorCodes.LanguageFailed, "language: no article");
        var text = article.Text ?? "";
        doc.Tokens.Clear();
        doc.Sentences.Clear();
        Tokenize(text, article, doc);
        if (!ModelledLanguages.IsModelled(article.Language))
        {
            doc.Warn(ErrorCodes.LanguageUnsupported, $"the models are trained on English; this '{article.Language}' article gets tokens and sentences only (no tags, parse or entities)");
            return;
        }
        if (doc.Tokens.Count > MaxTokens)
        {
            doc.Warn(ErrorCodes.LanguageTooLong, $"{doc.Tokens.Count} tokens; only the first {MaxTokens} are tagged and parsed");
        }
        var ws = _workspaces.Value!;
        foreach (var s in doc.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (s.FirstToken >= MaxTokens) break;
            Analyze(text, doc.Tokens, s, ws);
        }
    }

    /// <summary>Tokens and sentences only (no models): paragraph by paragraph.</summary>
    public void Tokenize(string text, Article article, Document doc)
    {
        if (article.Paragraphs.Count == 0)
        {
            int t0 = doc.Tokens.Count;
            _tokenizer.Tokenize(text, 0, text.Length, doc.Tokens);
            _splitter.Split(text, doc.Tokens, t0, doc.Tokens.Count, doc.Sentences);
        }
        else
        {
            int pos = 0;
            foreach (var p in article.Paragraphs)
            {
                int from = Math.Clamp(Math.Max(p.Start, pos), 0, text.Length), to = Math.Clamp(p.End, from, text.Length);
                int t0 = doc.Tokens.Count;
                _tokenizer.Tokenize(text, from, to, doc.Tokens);
                _splitter.Split(text, doc.Tokens, t0, doc.Tokens.Count, doc.Sentences);
                pos = to;
            }
        }
        for (int k = 0; k < doc.Sentences.Count; k++)
        {
            var s = doc.Sentences[k];
            for (int i = s.FirstToken; i < s.EndToken; i++) doc.Tokens[i].Sentence = k;
        }
    }

    private static void Analyze(string text, TokenTable tokens, Sentence s, Workspace ws)
    {
        int n = s.TokenCount;
        if (ws.Starts.Length < n) { ws.Starts = new int[n * 2]; ws.Ends = new int[n * 2]; }
        for (int i = 0; i < n; i++) { ws.Starts[i] = tokens[s.FirstToken + i].Start; ws.Ends[i] = tokens[s.FirstToken + i].End; }
        var a = ws.Analyzer;
        a.Analyze(text, ws.Starts.AsSpan(0, n), ws.Ends.AsSpan(0, n));
        for (int i = 0; i < n; i++)
        {
            ref var t = ref tokens[s.FirstToken + i];
            t.Upos = a.Upos(i);
            t.Xpos = a.Xpos(i);
            t.Lemma = a.Lemma(text.AsSpan(t.Start, t.End - t.Start), i);
            t.Feats = a.Feats(i);
            int h = a.Head(i);
            t.Head = h < 0 ? -1 : s.FirstToken + h;
            t.Deprel = a.Deprel(i);
        }
    }
}
