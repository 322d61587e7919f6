using System.Text.Json;
using Wirescope.Documents;
using Wirescope.Documents.Json;
using Wirescope.Pipeline;
using Xunit;

namespace Wirescope.Tests.Ner;

/// <summary>
/// <c>analyze --layers entities</c> end to end: the standard pipeline (extraction, language,
/// NER) on a hand-written news paragraph (not training data), read back from the output JSON.
/// </summary>
public class NerPipelineTests
{
    private const string Paragraph =
        "Indonesian President Joko Widodo met Malaysian Prime Minister Anwar Ibrahim in Jakarta on Tuesday, " +
        "the state news agency Antara reported. Widodo said both countries would work with the Association of " +
        "Southeast Asian Nations on the dispute in the South China Sea. The talks followed a visit by Chinese " +
        "Foreign Minister Wang Yi to Kuala Lumpur last month, and Anwar told reporters that Malaysia would not take sides.\n";

    private static readonly Lazy<JsonElement> s_record = new(() =>
    {
        LayerNames.TryParse("entities", out var layers);
        var pipeline = StandardPipeline.Build(layers, new PipelineOptions { Jobs = 1 });
        var pending = new PendingDocument("para.txt", new InputInfo("file", "para.txt", "text"),
            _ => new RawPage { Text = Paragraph, Format = "text" });
        var doc = pipeline.Process(pending);
        Assert.Null(doc.Error);
        return JsonDocument.Parse(DocumentJsonWriter.ToUtf8(doc)).RootElement.Clone();
    });

    [Theory]
    [InlineData("PERSON", "Joko Widodo", "Joko Widodo|Widodo")]
    [InlineData("PERSON", "Anwar Ibrahim", "Anwar Ibrahim|Anwar")]
    [InlineData("PERSON", "Wang Yi", "Wang Yi")]
    [InlineData("GPE", "Jakarta", "Jakarta")]
    [InlineData("GPE", "Kuala Lumpur", "Kuala Lumpur")]
    [InlineData("GPE", "Malaysia", "Malaysia")]
    [InlineData("ORG", "Antara", "Antara")]
    [InlineData("ORG", "Association of Southeast Asian Nations", "Association of Southeast Asian Nations")]
    [InlineData("LOC", "South China Sea", "South China Sea")]
    [InlineData("NORP", "Indonesian", "Indonesian")]
    [InlineData("DATE", "Tuesday", "Tuesday")]
    public void Entities_layer_finds_the_expected_entity_with_its_mentions(string type, string name, string mentions)
    {
        var entity = s_record.Value.GetProperty("entities").EnumerateArray()
            .SingleOrDefault(e => e.GetProperty("name").GetString() == name);
        Assert.True(entity.ValueKind == JsonValueKind.Object, $"no entity named {name}");
        Assert.Equal(type, entity.GetProperty("type").GetString());
        // The names the NER found; nominal and pronoun mentions come from coreference (Actors tests).
        var texts = entity.GetProperty("mentions").EnumerateArray()
            .Where(m => m.GetProperty("kind").GetString() == "name").Select(m => m.GetProperty("text").GetString());
        Assert.Equal(mentions.Split('|'), texts);
    }

    [Fact]
    public void Every_mention_offset_covers_its_text_and_sentences_are_output()
    {
        var record = s_record.Value;
        var text = record.GetProperty("article").GetProperty("text").GetString()!;
        Assert.Equal(3, record.GetProperty("sentences").GetArrayLength());
        var mentions = record.GetProperty("entities").EnumerateArray()
            .SelectMany(e => e.GetProperty("mentions").EnumerateArray()).ToList();
        Assert.True(mentions.Count >= 15, $"{mentions.Count} mentions");
        foreach (var m in mentions)
        {
            int start = m.GetProperty("start").GetInt32(), end = m.GetProperty("end").GetInt32();
            Assert.InRange(start, 0, end);
            Assert.InRange(end, start, text.Length);
            Assert.Equal(m.GetProperty("text").GetString(), text[start..end]);
            Assert.Contains(m.GetProperty("kind").GetString(), new[] { "name", "nominal", "pronoun" });
        }
    }
}
