using System.Collections.Frozen;
using System.Security.Cryptography;
using Wirescope.Tables;

namespace Wirescope.Language.Ner;

/// <summary>
/// Phrase lexicon for the NER: lower-cased word sequences → <see cref="GazetteerClass"/> bits,
/// plus the canonical name of aliases ("U.S." → "United States") so that entity building can
/// merge mentions of one country or organisation. Keys are hashes of the words' hashes, so
/// matching a sentence allocates nothing. Frozen after loading; shared by all threads.
/// </summary>
public sealed class Gazetteer
{
    private static readonly ulong Seed = FeatureHash.Exact("gazetteer");
    private readonly FrozenDictionary<ulong, GazetteerClass> _phrases;
    private readonly FrozenDictionary<ulong, GazetteerClass> _afterModel;
    private readonly FrozenDictionary<ulong, string> _canonical;

    internal Gazetteer(Dictionary<ulong, GazetteerClass> phrases, Dictionary<ulong, GazetteerClass> afterModel,
        Dictionary<ulong, string> canonical, int maxWords, string sha256)
    {
        _phrases = phrases.ToFrozenDictionary();
        _afterModel = afterModel.ToFrozenDictionary();
        _canonical = canonical.ToFrozenDictionary();
        MaxWords = maxWords;
        Sha256 = sha256;
    }

    /// <summary>Longest phrase in words.</summary>
    public int MaxWords { get; }

    /// <summary>SHA-256 (hex) of the source tables: a model trained with other tables must be retrained.</summary>
    public string Sha256 { get; }

    public int Count => _phrases.Count;

    /// <summary>The key of a word sequence: start with <see cref="Start"/>, then <see cref="Extend"/> per word's lower-case hash.</summary>
    public static ulong Start => Seed;
    public static ulong Extend(ulong key, ulong lowerWordHash) => FeatureHash.Mix(key, lowerWordHash);

    /// <summary>The classes of a phrase as model features (every table but groups.tsv).</summary>
    public GazetteerClass Lookup(ulong key) => _phrases.TryGetValue(key, out var c) ? c : GazetteerClass.None;

    /// <summary>
    /// The classes of a phrase for the passes after the model: <see cref="Lookup(ulong)"/> plus the
    /// rows that are not model features (groups.tsv: "Sunni", "Kurds").
    /// </summary>
    public GazetteerClass LookupAfterModel(ulong key) =>
        Lookup(key) | (_afterModel.TryGetValue(key, out var c) ? c : GazetteerClass.None);

    /// <summary>The canonical name for an alias phrase key, when the tables give one.</summary>
    public bool TryCanonical(ulong key, out string name) => _canonical.TryGetValue(key, out name!);

    /// <summary>Looks a phrase written as text up (words split on spaces).</summary>
    public GazetteerClass Lookup(string phrase) => Lookup(KeyOf(SplitWords(phrase)));

    /// <summary>Looks a phrase written as text up for the passes after the model.</summary>
    public GazetteerClass LookupAfterModel(string phrase) => LookupAfterModel(KeyOf(SplitWords(phrase)));

    internal static ulong KeyOf(IEnumerable<string> words)
    {
        var key = Start;
        foreach (var w in words) key = Extend(key, FeatureHash.Lower(w));
        return key;
    }

    internal static string[] SplitWords(string phrase) => phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The shipped tables under Resources/ner/.</summary>
    public static Gazetteer LoadEmbedded()
    {
        var builder = new GazetteerBuilder();
        foreach (var (name, columns) in GazetteerBuilder.Tables)
            builder.Add(name, TsvTable.ReadResource("ner/" + name, columns, columns));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, _) in GazetteerBuilder.Tables) sha.AppendData(TsvTable.EmbeddedBytes("ner/" + name));
        return builder.Build(Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    private static readonly Lazy<Gazetteer> s_shared = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shipped gazetteer, loaded once per process.</summary>
    public static Gazetteer Shared => s_shared.Value;
}
