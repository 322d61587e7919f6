using System.Text.Json;
using Wirescope.Documents;
using Wirescope.Pipeline;

namespace Wirescope.Inputs;

/// <summary>
/// DESIGN.md's <c>--input-format jsonl</c>: one {"id","text","date","title"} object a line; the
/// text is taken verbatim as the article text. A bad line is a failed document, not a crash.
/// </summary>
public static class JsonlInput
{
    public static IEnumerable<PendingDocument> Read(TextReader reader, string source)
    {
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return Parse(line, source, lineNo);
        }
    }

    internal static PendingDocument Parse(string line, string source, int lineNo)
    {
        var fallbackId = $"{source}:{lineNo}";
        var info = new InputInfo("jsonl", source, "jsonl");
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return PendingDocument.Failed(fallbackId, info, ErrorCodes.InputBadJson, $"{fallbackId}: not a JSON object");
            var id = GetString(root, "id") ?? fallbackId;
            var text = GetString(root, "text");
            if (text is null)
                return PendingDocument.Failed(id, info, ErrorCodes.InputBadJson, $"{fallbackId}: no \"text\" field");
            var title = GetString(root, "title");
            PartialDate? date = PartialDate.TryParse(GetString(root, "date"), out var d) ? d : null;
            var page = new RawPage { Text = text, Format = "jsonl", Title = title, Date = date };
            return new PendingDocument(id, info, _ => page);
        }
        catch (JsonException e)
        {
            return PendingDocument.Failed(fallbackId, info, ErrorCodes.InputBadJson, $"{fallbackId}: {e.Message}");
        }
    }

    private static string? GetString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
