namespace Wirescope.Language.Parsing;

/// <summary>
/// Arc-eager configuration over words 1..n with the artificial root at n+1, the END of the
/// buffer (Ballesteros and Nivre 2013): the root is chosen last, when the whole sentence
/// has been seen, instead of being committed to at the first plausible verb. Flat arrays,
/// reused from sentence to sentence (one workspace per thread).
/// </summary>
internal sealed class ParserState
{
    public const int Shift = 0, Reduce = 1, LeftArc = 2, RightArc = 3;
    public const int NoLabel = -1;

    public int N;
    public int B;            // front of the buffer; N + 1 is the root
    public int[] Stack = new int[64];
    public int Sp;           // stack size
    public int[] Head = new int[64];
    public int[] Label = new int[64];
    public int[] L1 = new int[64], L2 = new int[64], R1 = new int[64], R2 = new int[64];
    public int[] LeftCount = new int[64], RightCount = new int[64];
    public ulong[] LeftLabels = new ulong[64], RightLabels = new ulong[64];
    public bool[] InStack = new bool[64];
    public int RootChildren;

    public void Init(int n)
    {
        Reserve(n);
        N = n;
        for (int i = 0; i <= n + 1; i++)
        {
            Head[i] = -1; Label[i] = NoLabel;
            L1[i] = L2[i] = R1[i] = R2[i] = -1;
            LeftCount[i] = RightCount[i] = 0;
            LeftLabels[i] = RightLabels[i] = 0;
            InStack[i] = false;
        }
        Sp = 0;
        B = 1;
        RootChildren = 0;
    }

    /// <summary>Makes this state a copy of <paramref name="o"/> (beam search).</summary>
    public void CopyFrom(ParserState o)
    {
        Reserve(o.N);
        int len = o.N + 2;
        N = o.N; B = o.B; Sp = o.Sp; RootChildren = o.RootChildren;
        Array.Copy(o.Stack, Stack, o.Sp);
        Array.Copy(o.Head, Head, len); Array.Copy(o.Label, Label, len);
        Array.Copy(o.L1, L1, len); Array.Copy(o.L2, L2, len); Array.Copy(o.R1, R1, len); Array.Copy(o.R2, R2, len);
        Array.Copy(o.LeftCount, LeftCount, len); Array.Copy(o.RightCount, RightCount, len);
        Array.Copy(o.LeftLabels, LeftLabels, len); Array.Copy(o.RightLabels, RightLabels, len);
        Array.Copy(o.InStack, InStack, len);
    }

    private void Reserve(int n)
    {
        if (Head.Length < n + 2)
        {
            int size = (n + 2) * 2;
            Stack = new int[size]; Head = new int[size]; Label = new int[size];
            L1 = new int[size]; L2 = new int[size]; R1 = new int[size]; R2 = new int[size];
            LeftCount = new int[size]; RightCount = new int[size];
            LeftLabels = new ulong[size]; RightLabels = new ulong[size]; InStack = new bool[size];
        }
    }

    public int Root => N + 1;
    public bool BufferEmpty => B > N + 1;

    /// <summary>No transition applies: the parse is complete (words left headless attach afterwards).</summary>
    public bool Done => !(IsValid(Shift) || IsValid(Reduce) || IsValid(LeftArc) || IsValid(RightArc));
    public int S0 => Sp > 0 ? Stack[Sp - 1] : -1;
    public int S1 => Sp > 1 ? Stack[Sp - 2] : -1;

    public bool IsValid(int t)
    {
        if (BufferEmpty) return false;
        int s = S0;
        return t switch
        {
            Shift => B <= N,
            Reduce => s > 0 && Head[s] >= 0,
            LeftArc => s > 0 && Head[s] < 0 && (B <= N || RootChildren == 0),
            RightArc => s > 0 && B <= N,
            _ => false,
        };
    }

    /// <summary>Applies a transition; for arcs, <paramref name="label"/> is the relation id.</summary>
    public void Apply(int t, int label)
    {
        switch (t)
        {
            case Shift:
                Push(B++);
                break;
            case Reduce:
                Pop();
                break;
            case LeftArc:
                AddArc(B, Pop(), label);
                break;
            case RightArc:
                AddArc(S0, B, label);
                Push(B++);
                break;
        }
    }

    private void Push(int i) { Stack[Sp++] = i; InStack[i] = true; }

    private int Pop()
    {
        int i = Stack[--Sp];
        InStack[i] = false;
        return i;
    }

    public void AddArc(int h, int d, int label)
    {
        Head[d] = h;
        Label[d] = label;
        if (h == N + 1) RootChildren++;
        ulong bit = label >= 0 && label < 64 ? 1UL << label : 0;
        if (d < h)
        {
            LeftCount[h]++;
            LeftLabels[h] |= bit;
            if (L1[h] < 0 || d < L1[h]) { L2[h] = L1[h]; L1[h] = d; }
            else if (L2[h] < 0 || d < L2[h]) L2[h] = d;
        }
        else
        {
            RightCount[h]++;
            RightLabels[h] |= bit;
            if (R1[h] < 0 || d > R1[h]) { R2[h] = R1[h]; R1[h] = d; }
            else if (R2[h] < 0 || d > R2[h]) R2[h] = d;
        }
    }
}
