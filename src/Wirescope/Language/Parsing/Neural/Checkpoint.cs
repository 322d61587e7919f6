namespace Wirescope.Language.Parsing.Neural;

/// <summary>
/// The full training state after an epoch (float weights, Adam moments and step count), so
/// that a killed run resumes where it stopped and ends with the same bytes as an unbroken one.
/// </summary>
internal static class Checkpoint
{
    private const string Magic = "wirescope-neural-checkpoint";

    public static void Write(string path, NeuralNet net, Adam adam, int seed, int epochs)
    {
        string tmp = path + ".tmp";
        using (var w = new BinaryWriter(File.Create(tmp)))
        {
            w.Write(Magic); w.Write(seed); w.Write(net.Size); w.Write(epochs); w.Write(adam.Steps);
            foreach (var a in new[] { net.W, adam.M, adam.V })
                w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(a.AsSpan()));
        }
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Loads the checkpoint into the net and optimiser when it belongs to this run; returns the epochs done (0: none).</summary>
    public static int TryRead(string path, NeuralNet net, Adam adam, int seed)
    {
        if (!File.Exists(path)) return 0;
        using var r = new BinaryReader(File.OpenRead(path));
        if (r.ReadString() != Magic || r.ReadInt32() != seed || r.ReadInt32() != net.Size) return 0;
        int epochs = r.ReadInt32();
        adam.Steps = r.ReadInt64();
        foreach (var a in new[] { net.W, adam.M, adam.V })
            r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(a.AsSpan()));
        return epochs;
    }
}
