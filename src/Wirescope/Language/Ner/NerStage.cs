using Wirescope.Documents;
using Wirescope.Pipeline;

namespace Wirescope.Language.Ner;

/// <summary>
/// Pipeline stage for named entities. Requires tokens and sentences (Layers.Language);
/// assigns Token.Ner and doc.Entities (Layers.Entities). The model loads lazily, once per
/// process, on the first document.
/// </summary>
public sealed class NerStage : IStage
{
    [ThreadStatic] private static NerScratch? t_scratch;

    private readonly Lazy<NerAnnotator> _annotator;

    /// <summary>The shipped model and rules.</summary>
    public NerStage() : this(() => new NerAnnotator(NerModelStore.Shared, DateMoneyRules.Shared)) { }

    public NerStage(NerAnnotator annotator) : this(() => annotator) { }

    private NerStage(Func<NerAnnotator> factory) =>
        _annotator = new Lazy<NerAnnotator>(factory, LazyThreadSafetyMode.ExecutionAndPublication);

    public string Name => "ner";
    public Layers Requires => Layers.Language;
    public Layers Assigns => Layers.Entities;

    public void Run(Document doc, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Not English: the language stage left the tokens untagged and said so (ModelledLanguages).
        if (!ModelledLanguages.IsModelled(doc.Article?.Language)) return;
        var scratch = t_scratch ??= new NerScratch();
        _annotator.Value.Annotate(doc, scratch);
    }
}
