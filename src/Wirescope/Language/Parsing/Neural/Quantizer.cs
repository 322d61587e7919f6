namespace Wirescope.Language.Parsing.Neural;

/// <summary>
/// Per-row linear quantisation of weight rows: a float scale (the row's largest magnitude)
/// and one signed 8- or 16-bit integer per weight. Rows of one matrix differ in range by an
/// order of magnitude, so a scale per row keeps small rows precise.
/// </summary>
internal static class Quantizer
{
    public static void WriteRow(BinaryWriter w, ReadOnlySpan<float> row, int bits)
    {
        float max = 0;
        foreach (var v in row) max = Math.Max(max, Math.Abs(v));
        int top = bits == 8 ? 127 : 32767;
        float scale = max / top;
        w.Write(scale);
        foreach (var v in row)
        {
            int q = scale == 0 ? 0 : (int)MathF.Round(v / scale);
            if (bits == 8) w.Write((sbyte)Math.Clamp(q, -top, top));
            else w.Write((short)Math.Clamp(q, -top, top));
        }
    }

    public static void ReadRow(BinaryReader r, Span<float> row, int bits)
    {
        float scale = r.ReadSingle();
        if (!float.IsFinite(scale)) throw new InvalidDataException("neural parser: bad weight scale");
        for (int i = 0; i < row.Length; i++) row[i] = scale * (bits == 8 ? r.ReadSByte() : r.ReadInt16());
    }
}
