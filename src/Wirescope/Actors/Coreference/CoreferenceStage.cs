using Wirescope.Documents;
using Wirescope.Language;
using Wirescope.Pipeline;

namespace Wirescope.Actors.Coreference;

/// <summary>
/// Pipeline stage for in-article coreference (DESIGN.md's Actors/ folder): after the NER, adds
/// nominal and pronoun mentions to the entities (<see cref="Coreferencer"/>). Requires the
/// language layer (tokens, lemmas, parse) and the entities; it completes the entities layer
/// rather than assigning a new one, so <c>--layers entities</c> already shows the mentions.
/// Runs in well under a tenth of the parse's time (one pass over the tokens, no model).
/// </summary>
public sealed class CoreferenceStage : IStage
{
    [ThreadStatic] private static CorefScratch? t_scratch;

    private readonly Coreferencer? _coreferencer;

    /// <summary>The shipped tables (loaded on the first document).</summary>
    public CoreferenceStage() { }

    public CoreferenceStage(Coreferencer coreferencer) => _coreferencer = coreferencer;

    public string Name => "coref";
    public Layers Requires => Layers.Language | Layers.Entities;
    /// <summary>None: the stage fills mentions of the entities layer (and must run whenever the NER did).</summary>
    public Layers Assigns => Layers.None;

    public void Run(Document doc, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!ModelledLanguages.IsModelled(doc.Article?.Language)) return;
        (_coreferencer ?? Coreferencer.Shared).Resolve(doc, t_scratch ??= new CorefScratch());
    }
}
