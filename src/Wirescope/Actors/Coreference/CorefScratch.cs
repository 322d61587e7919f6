namespace Wirescope.Actors.Coreference;

/// <summary>Per-thread buffers of the coreference pass, grown to the longest document seen (no per-token allocation).</summary>
internal sealed class CorefScratch
{
    /// <summary>Token → index of the entity whose name mention covers it, else -1.</summary>
    public int[] Owner = [];
    /// <summary>Token → entity a nominal or pronoun mention headed here was linked to, else -1.</summary>
    public int[] Linked = [];
    /// <summary>Token → how a name no pronoun links to (DATE, EVENT, NORP, ...) competes as a distractor; None elsewhere.</summary>
    public DistractorAgreement[] OtherName = [];
    /// <summary>Dependency children as linked lists: first child and next sibling, -1 for none.</summary>
    public int[] FirstChild = [];
    public int[] NextSibling = [];
    /// <summary>Per-entity salience score while one mention is being resolved.</summary>
    public float[] Score = [];
    public readonly List<SalienceEvent> Events = new();

    public void Reset(int tokens, int entities)
    {
        if (Owner.Length < tokens)
        {
            var size = Math.Max(tokens, Owner.Length * 2);
            Owner = new int[size];
            Linked = new int[size];
            FirstChild = new int[size];
            NextSibling = new int[size];
            OtherName = new DistractorAgreement[size];
        }
        Array.Fill(Owner, -1, 0, tokens);
        Array.Fill(Linked, -1, 0, tokens);
        Array.Fill(FirstChild, -1, 0, tokens);
        Array.Fill(NextSibling, -1, 0, tokens);
        Array.Clear(OtherName, 0, tokens);
        if (Score.Length < entities) Score = new float[Math.Max(entities, Score.Length * 2)];
        Array.Clear(Score, 0, entities);
        Events.Clear();
    }
}

/// <summary>
/// One mention as salience sees it: where, in which sentence, how prominent. Entity -1 is a
/// distractor: a noun phrase or pronoun that is no named entity ("the product", "it") but
/// competes for the pronouns after it, with its agreement in <see cref="Agree"/>.
/// </summary>
internal readonly record struct SalienceEvent(int Entity, int Token, int Sentence, float Weight, DistractorAgreement Agree = DistractorAgreement.None);

/// <summary>What a distractor can be referred to by.</summary>
[Flags]
internal enum DistractorAgreement : byte
{
    None = 0,
    Thing = 1,
    Person = 2,
    Plural = 4,
    Male = 8,
    Female = 16,
    /// <summary>Marks a name that competes for no pronoun (a date, a sum).</summary>
    NoOne = 32,
}
