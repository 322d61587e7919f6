using Microsoft.Data.Sqlite;
using Wirescope.Documents;
using Wirescope.Documents.Json;
using Wirescope.Storage;
using Wirescope.Storage.Sqlite;
using Wirescope.Tests.Storage;
using Xunit;

namespace Wirescope.Tests.Actors;

/// <summary>Nominal and pronoun mentions, with their kinds and rules, survive the JSON record and the store.</summary>
public class MentionStoreTests
{
    private static Document WithMentions()
    {
        const string text = "Vladimir Putin met Kim Jong Un. The Russian president said he was pleased.";
        var doc = TestDocs.Full(body: text);
        doc.Entities.Clear();
        doc.Quotes.Clear();
        doc.Events.Clear();
        var putin = new Entity { Id = "E1", Type = "PERSON", Name = "Vladimir Putin", Rule = "ner.model" };
        putin.Mentions.Add(new Mention(0, 14, "Vladimir Putin", MentionKind.Name, 0, 2, "ner.model"));
        putin.Mentions.Add(new Mention(32, 53, "The Russian president", MentionKind.Nominal, 7, 3, "coref.nom.role"));
        putin.Mentions.Add(new Mention(59, 61, "he", MentionKind.Pronoun, 11, 1, "coref.pron.salience"));
        var kim = new Entity { Id = "E2", Type = "PERSON", Name = "Kim Jong Un", Rule = "ner.gazetteer" };
        kim.Mentions.Add(new Mention(19, 30, "Kim Jong Un", MentionKind.Name, 3, 3, "ner.gazetteer"));
        doc.Entities.AddRange([putin, kim]);
        foreach (var m in doc.Entities.SelectMany(e => e.Mentions)) Assert.Equal(m.Text, text[m.Start..m.End]);
        return doc;
    }

    [Fact]
    public void Kinds_and_rules_round_trip_through_the_json_record()
    {
        var doc = WithMentions();
        var json = DocumentJsonWriter.ToJson(doc);
        Assert.Contains("\"kind\":\"pronoun\",\"rule\":\"coref.pron.salience\"", json);
        var back = DocumentJsonReader.Read(json);
        Assert.Equal(json, DocumentJsonWriter.ToJson(back));
        var m = back.Entities[0].Mentions;
        Assert.Equal([MentionKind.Name, MentionKind.Nominal, MentionKind.Pronoun], m.Select(x => x.Kind));
        Assert.Equal(["ner.model", "coref.nom.role", "coref.pron.salience"], m.Select(x => x.Rule));
    }

    [Fact]
    public void The_store_keeps_each_mention_with_its_kind_and_rule()
    {
        using var tmp = new TestDocs.TempDb();
        var doc = WithMentions();
        using (var store = SqliteStore.Open(tmp.Path))
            TestDocs.Write(store, doc);
        using (var reopened = SqliteStore.Open(tmp.Path, create: false))
        {
            var record = Assert.Single(reopened.Records(new ArticleFilter { Limit = 0 }));
            Assert.Equal(DocumentJsonWriter.ToJson(doc), DocumentJsonWriter.ToJson(DocumentJsonReader.Read(record.Json)));
        }
        using var conn = new SqliteConnection($"Data Source={tmp.Path};Pooling=False;Mode=ReadOnly");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT m.start, m.\"end\", m.text, m.kind, m.rule FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.local_id = 'E1' ORDER BY m.start";
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add($"{r.GetInt32(0)}-{r.GetInt32(1)} {r.GetString(2)} {r.GetString(3)} {r.GetString(4)}");
        Assert.Equal(["0-14 Vladimir Putin name ner.model", "32-53 The Russian president nominal coref.nom.role", "59-61 he pronoun coref.pron.salience"], rows);
    }
}
