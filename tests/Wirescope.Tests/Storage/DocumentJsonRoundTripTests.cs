using Wirescope.Documents.Json;
using Wirescope.Storage;
using Wirescope.Storage.Sqlite;
using Xunit;

namespace Wirescope.Tests.Storage;

public class DocumentJsonRoundTripTests
{
    [Fact]
    public void A_record_with_every_layer_reads_back_to_the_same_json()
    {
        var doc = TestDocs.Full();
        var json = DocumentJsonWriter.ToJson(doc);
        var back = DocumentJsonReader.Read(json);
        Assert.Equal(json, DocumentJsonWriter.ToJson(back));
        Assert.Equal(doc.Done & ~Wirescope.Documents.Layers.Actors, back.Done & ~Wirescope.Documents.Layers.Actors);
        Assert.Equal("TASS", back.Quotes[0].Via[0].Name);
        Assert.Equal("RUS", back.Entities[1].Actor!.Country);
        Assert.Equal(doc.Article!.Modified, back.Article!.Modified);
    }

    [Fact]
    public void A_failed_record_round_trips_with_its_error_and_no_layers()
    {
        var doc = new Wirescope.Documents.Document("bad", new Wirescope.Documents.InputInfo("file", "bad.html", "auto"))
        {
            Error = new Wirescope.Documents.DocumentError("extract.empty_body", "nothing there"),
        };
        var json = DocumentJsonWriter.ToJson(doc);
        Assert.Equal(json, DocumentJsonWriter.ToJson(DocumentJsonReader.Read(json)));
    }

    [Fact]
    public void The_store_keeps_the_record_so_export_gives_the_analyze_json_back()
    {
        using var tmp = new TestDocs.TempDb();
        var doc = TestDocs.Full();
        using (var store = SqliteStore.Open(tmp.Path))
            TestDocs.Write(store, doc);
        using var reopened = SqliteStore.Open(tmp.Path, create: false);
        var record = Assert.Single(reopened.Records(new ArticleFilter { Limit = 0 }));
        Assert.Equal(DocumentJsonWriter.ToJson(doc), DocumentJsonWriter.ToJson(DocumentJsonReader.Read(record.Json)));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"id\": \"x\"}")]
    [InlineData("{\"id\": \"x\", \"input\": {\"kind\": \"file\"}, \"article\": {\"text\": \"t\", \"paragraphs\": [{\"start\": \"0\"}]}}")]
    public void A_malformed_record_is_a_json_error_not_a_crash(string json)
    {
        Assert.ThrowsAny<Exception>(() => DocumentJsonReader.Read(json));
        try { DocumentJsonReader.Read(json); }
        catch (Exception e) { Assert.True(e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException, e.GetType().Name); }
    }
}
