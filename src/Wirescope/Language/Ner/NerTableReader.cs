using System.Text;

namespace Wirescope.Language.Ner;

/// <summary>A malformed row in a NER data table; the message starts with file:line.</summary>
public sealed class NerTableException(string file, int line, string message)
    : Exception($"{file}:{line}: {message}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
}

/// <summary>One data row of a TSV table with the line it came from.</summary>
public readonly record struct NerTableRow(string File, int Line, string[] Columns)
{
    public NerTableException Error(string message) => new(File, Line, message);
}

/// <summary>
/// Reads the NER's commented TSV tables: '#' starts a comment line, blank lines are skipped,
/// every other line must have exactly the declared number of tab-separated, non-empty
/// columns ("-" stands for "none"). Rows are returned with their line numbers so that later
/// checks can report file:line too.
/// </summary>
public static class NerTableReader
{
    public static List<NerTableRow> Read(string file, TextReader reader, int columns)
    {
        var rows = new List<NerTableRow>();
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line)) continue;
            var cols = line.Split('\t');
            if (cols.Length != columns)
                throw new NerTableException(file, lineNo, $"expected {columns} tab-separated columns, got {cols.Length}");
            for (var i = 0; i < cols.Length; i++)
            {
                cols[i] = cols[i].Trim();
                if (cols[i].Length == 0) throw new NerTableException(file, lineNo, $"column {i + 1} is empty (use '-' for none)");
            }
            rows.Add(new NerTableRow(file, lineNo, cols));
        }
        return rows;
    }

    /// <summary>Reads an embedded table from Resources/ner/.</summary>
    public static List<NerTableRow> ReadEmbedded(string name, int columns)
    {
        using var reader = new StreamReader(OpenEmbedded(name), Encoding.UTF8);
        return Read(name, reader, columns);
    }

    public static Stream OpenEmbedded(string name)
    {
        return Tables.EmbeddedResources.TryOpen("ner/" + name)
            ?? throw new FileNotFoundException($"embedded NER table '{name}' is missing");
    }

    /// <summary>The raw bytes of an embedded table (for the SHA-256 that keys the model to its tables).</summary>
    public static byte[] EmbeddedBytes(string name)
    {
        using var s = OpenEmbedded(name);
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    /// <summary>Splits an alias column ("a|b|c", or "-" for none).</summary>
    public static IEnumerable<string> List(string column) =>
        column == "-" ? [] : column.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
