using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Wirescope.Tests.Storage;

/// <summary>The store verbs as a user runs them: the built CLI in a child process.</summary>
public sealed class StoreCliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "wirescope-cli-" + Guid.NewGuid().ToString("N"));
    private string Db => Path.Combine(_dir, "w.db");

    public StoreCliTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(CliPath.Dll());
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.Result);
    }

    private string Input()
    {
        var path = Path.Combine(_dir, "in.jsonl");
        File.WriteAllLines(path,
        [
            "{\"id\": \"a\", \"text\": \"The ferry returns to service after repairs, the council said.\", \"title\": \"Ferry back\", \"date\": \"2019-04-26\"}",
            "{\"id\": \"b\", \"text\": \"Rain is expected all week across the coast.\", \"title\": \"Weather\"}",
            "{\"id\": \"a-copy\", \"text\": \"The ferry returns to service after repairs, the council said.\"}",
            "not json",
        ], new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void Ingest_twice_then_stats_search_and_export()
    {
        var input = Input();
        var first = Run("ingest", input, "--db", Db, "--layers", "article", "--progress", "none", "--format", "json");
        Assert.Equal(1, first.Code); // one line failed
        using (var summary = JsonDocument.Parse(first.Out))
        {
            Assert.Equal(2, summary.RootElement.GetProperty("added").GetInt32());
            Assert.Equal(1, summary.RootElement.GetProperty("duplicate").GetInt32());
            Assert.Equal(1, summary.RootElement.GetProperty("failed").GetInt32());
        }
        var again = Run("ingest", input, "--db", Db, "--layers", "article", "--progress", "none", "--format", "json");
        Assert.Contains("\"added\":0,\"duplicate\":3", again.Out);

        var stats = Run("stats", "--db", Db, "--format", "json");
        Assert.Equal(0, stats.Code);
        Assert.Equal("{\"articles\": 2, \"stories\": 2, \"entities\": 0, \"quotes\": 0, \"events\": 0, \"sources\": 1}", stats.Out.Trim());

        var search = Run("search", "ferries", "--db", Db, "--format", "jsonl");
        var hit = JsonDocument.Parse(search.Out.Trim()).RootElement;
        Assert.Equal("Ferry back", hit.GetProperty("title").GetString());
        Assert.Contains("<b>ferry</b>", hit.GetProperty("snippet").GetString(), StringComparison.OrdinalIgnoreCase);

        var export = Run("export", "--db", Db, "--format", "jsonl", "--from", "2019-04-01");
        var record = JsonDocument.Parse(export.Out.Trim()).RootElement;
        Assert.Equal("a", record.GetProperty("id").GetString());
        Assert.Equal("2019-04-26", record.GetProperty("article").GetProperty("published").GetString());

        var csv = Run("export", "--db", Db, "--format", "csv", "--table", "events");
        Assert.StartsWith("article,url,published,date,type,", csv.Out);
    }

    [Fact]
    public void Quotes_events_and_exports_answer_from_a_store_with_every_layer()
    {
        using (var store = Wirescope.Storage.Sqlite.SqliteStore.Open(Db))
            TestDocs.Write(store, TestDocs.Full());

        var quotes = Run("quotes", "--db", Db, "--speaker", "putin", "--via", "TASS", "--format", "jsonl");
        var q = JsonDocument.Parse(quotes.Out.Trim()).RootElement;
        Assert.Equal("Vladimir Putin", q.GetProperty("speaker").GetString());
        Assert.Equal("TASS", q.GetProperty("via")[0].GetString());
        Assert.Equal("", Run("quotes", "--db", Db, "--via", "Yonhap", "--format", "jsonl").Out);

        var events = Run("events", "--db", Db, "--actor", "PRK", "--type", "CONSULT", "--from", "2019-04-25", "--to", "2019-04-25");
        Assert.Contains("CONSULT/visit: Kim Jong Un (PRK·GOV) → Vladimir Putin (RUS·GOV) at Russky Island", events.Out);

        var plover = JsonDocument.Parse(Run("export", "--db", Db, "--format", "plover").Out.Trim()).RootElement;
        Assert.Equal("CONSULT", plover.GetProperty("event_type").GetString());
        Assert.Equal("PRK", plover.GetProperty("actor_country").GetString());
        Assert.Equal("RUS", plover.GetProperty("recipient_country").GetString());
        Assert.Equal("2019-04-25", plover.GetProperty("event_date").GetString());
        Assert.Contains("met Vladimir Putin", plover.GetProperty("text").GetString());

        var csv = Run("export", "--db", Db, "--format", "csv", "--table", "quotes").Out.Split("\r\n");
        Assert.Equal("article,url,published,speaker,via,kind,text,cue,rule", csv[0]);
        Assert.StartsWith("1,https://news.example/kim-putin,2019-04-26,Vladimir Putin,TASS,indirect,", csv[1]);

        var jsonl = Run("export", "--db", Db, "--format", "jsonl").Out.Trim();
        Assert.Equal(Wirescope.Documents.Json.DocumentJsonWriter.ToJson(TestDocs.Full()), jsonl);
    }

    [Fact]
    public void Query_verbs_on_a_missing_database_fail_with_a_message()
    {
        var r = Run("stats", "--db", Path.Combine(_dir, "none.db"));
        Assert.Equal(3, r.Code);
        Assert.Contains("no database", r.Err);
        Assert.False(File.Exists(Path.Combine(_dir, "none.db")));
        Assert.Equal(2, Run("search", "x", "--db", Db, "--from", "April").Code);
    }
}

internal static class CliPath
{
    /// <summary>The CLI built beside the tests (same configuration), run with `dotnet`.</summary>
    public static string Dll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Wirescope.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        var dll = Path.Combine(dir!.FullName, "src", "Wirescope.Cli", "bin", config, "net10.0", "Wirescope.Cli.dll");
        Assert.True(File.Exists(dll), $"build the CLI first: {dll}");
        return dll;
    }
}
