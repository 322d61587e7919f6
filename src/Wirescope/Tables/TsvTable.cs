namespace Wirescope.Tables;

/// <summary>One data row of a TSV table, with where it came from (for error messages and rule ids).</summary>
public sealed record TsvRow(string File, int Line, string[] Cells)
{
    public string this[int i] => Cells[i];
    public string Where => $"{File}:{Line}";

    /// <summary>An error naming this row, for checks a table's loader makes after parsing.</summary>
    public TableException Error(string message) => new(Where, message);
}

/// <summary>A bad row in a shipped table: names file:line so the row can be found and fixed.</summary>
public sealed class TableException(string where, string message) : Exception($"{where}: {message}");

/// <summary>
/// Reads the commented, tab-separated tables under <c>Resources/</c>: <c>#</c> starts a comment
/// line, blank lines are skipped, every row must have the declared number of columns (trailing
/// optional columns, such as a "note", may be left out), cells are trimmed, and no cell of a
/// required column may be empty. Passing <c>requiredColumns == columns</c> asks for exactly
/// that many non-empty columns.
/// </summary>
public static class TsvTable
{
    /// <summary>Reads an embedded resource such as <c>extraction/class_words.tsv</c>.</summary>
    public static IReadOnlyList<TsvRow> ReadResource(string name, int columns, int requiredColumns)
    {
        using var stream = Open(name);
        using var reader = new StreamReader(stream);
        return Read(reader, name, columns, requiredColumns);
    }

    /// <summary>The raw bytes of an embedded table (e.g. for a SHA-256 that keys a model to its tables).</summary>
    public static byte[] EmbeddedBytes(string name)
    {
        using var s = Open(name);
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    /// <summary>Splits a list cell ("a|b|c", or "-" for none).</summary>
    public static IEnumerable<string> List(string cell) =>
        cell == "-" ? [] : cell.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Opens an embedded table such as <c>ner/countries.tsv</c> (see <see cref="EmbeddedResources"/>).</summary>
    public static Stream Open(string name) =>
        EmbeddedResources.TryOpen(name) ?? throw new TableException(name, "no such embedded resource under Resources/");

    public static IReadOnlyList<TsvRow> Read(TextReader reader, string file, int columns, int requiredColumns)
    {
        var rows = new List<TsvRow>();
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line)) continue;
            var cells = line.Split('\t');
            if (cells.Length > columns || cells.Length < requiredColumns)
                throw new TableException($"{file}:{lineNo}", requiredColumns == columns
                    ? $"expected {columns} tab-separated columns, found {cells.Length}"
                    : $"expected {requiredColumns}–{columns} tab-separated columns, found {cells.Length}");
            if (cells.Length < columns) Array.Resize(ref cells, columns);
            for (int i = 0; i < columns; i++)
            {
                cells[i] = (cells[i] ?? "").Trim();
                if (i < requiredColumns && cells[i].Length == 0)
                    throw new TableException($"{file}:{lineNo}", $"column {i + 1} is empty (a degenerate row would match everything)");
            }
            rows.Add(new TsvRow(file, lineNo, cells));
        }
        return rows;
    }

    /// <summary>Rejects a duplicate key: a silent overwrite hides a mistake (petrarch2#34).</summary>
    public static void AddUnique<TValue>(Dictionary<string, TValue> map, string key, TValue value, TsvRow row)
    {
        if (!map.TryAdd(key, value)) throw new TableException(row.Where, $"duplicate key '{key}'");
    }

    public static int Int(TsvRow row, int column)
    {
        if (!int.TryParse(row[column], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var v))
            throw new TableException(row.Where, $"column {column + 1}: '{row[column]}' is not an integer");
        return v;
    }

    public static T Enum<T>(TsvRow row, int column) where T : struct, System.Enum
    {
        if (!System.Enum.TryParse<T>(row[column], ignoreCase: true, out var v) || !System.Enum.IsDefined(v))
            throw new TableException(row.Where, $"column {column + 1}: '{row[column]}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
        return v;
    }
}
