namespace Wirescope.Language.Tokenization;

/// <summary>
/// Reads a commented TSV table shipped under Resources/language/: '#' lines and blank lines
/// are skipped; every other row must have between <c>min</c> and <c>max</c> columns, else the
/// load fails naming file:line (a broken table must stop startup, not mis-tokenize silently).
/// </summary>
internal static class LanguageTable
{
    public static IEnumerable<(int Line, string[] Cols)> Rows(string name, int min, int max)
    {
        using var stream = Open(name);
        using var reader = new StreamReader(stream);
        foreach (var row in Parse(reader, name, min, max)) yield return row;
    }

    public static IEnumerable<(int Line, string[] Cols)> Parse(TextReader reader, string name, int min, int max)
    {
        string? line;
        int n = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            n++;
            if (line.Length == 0 || line[0] == '#' || line.AsSpan().IsWhiteSpace()) continue;
            var cols = line.Split('\t');
            if (cols.Length < min || cols.Length > max)
                throw new InvalidDataException($"{name}:{n}: expected {min}..{max} tab-separated columns, found {cols.Length}");
            if (cols[0].Length == 0) throw new InvalidDataException($"{name}:{n}: empty first column");
            yield return (n, cols);
        }
    }

    private static Stream Open(string name) =>
        Tables.EmbeddedResources.TryOpen("language/" + name) ?? throw new InvalidDataException($"resource language/{name} is missing");
}
