using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Wirescope.Tests.Storage;

/// <summary>
/// kill -9 in the middle of an ingest, then the same ingest again: exactly the articles a clean
/// run gives (none lost, none doubled), and SQLite's integrity check passes. Runs the built CLI.
/// </summary>
public class CrashResumeTests
{
    private const int Documents = 12_000;
    /// <summary>Every seventh line repeats the previous text under a new id: a duplicate.</summary>
    private const int DuplicateEvery = 7;

    private static string CliDll() => CliPath.Dll();

    private static string WriteInput()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wirescope-crash-{Guid.NewGuid():N}.jsonl");
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        string text = "";
        for (int i = 0; i < Documents; i++)
        {
            if (i % DuplicateEvery != DuplicateEvery - 1)
                text = $"Report {i}: the council of town {i * 7919 % 10007} voted {i % 13} times on budget line {i * 31 % 997}, officials said on day {i % 28}.";
            w.WriteLine($"{{\"id\": \"d{i}\", \"text\": \"{text}\"}}");
        }
        return path;
    }

    private static Process Start(string dll, string input, string db) => Process.Start(new ProcessStartInfo("dotnet")
    {
        ArgumentList = { dll, "ingest", input, "--db", db, "--layers", "article", "--progress", "none", "--batch", "16", "--format", "json" },
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    })!;

    private static long Count(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False;Mode=ReadOnly");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    [Fact]
    public void Killing_an_ingest_and_running_it_again_gives_exactly_the_clean_result()
    {
        var dll = CliDll();
        var input = WriteInput();
        using var tmp = new TestDocs.TempDb();
        try
        {
            int unique = Documents - Documents / DuplicateEvery;
            using (var child = Start(dll, input, tmp.Path))
            {
                var clock = Stopwatch.StartNew();
                long seen = 0;
                // Wait until some batches are committed, then kill without warning (SIGKILL).
                while (!child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
                {
                    Thread.Sleep(20);
                    if (!File.Exists(tmp.Path)) continue;
                    try { seen = Count(tmp.Path, "SELECT COUNT(*) FROM articles"); }
                    catch (SqliteException) { continue; } // schema not created yet
                    if (seen >= 200) break;
                }
                Assert.False(child.HasExited, "the ingest ended before it could be killed: raise Documents");
                child.Kill(entireProcessTree: true);
                child.WaitForExit();
            }
            long afterKill = Count(tmp.Path, "SELECT COUNT(*) FROM articles");
            Assert.InRange(afterKill, 200, unique - 1);
            Assert.Equal(afterKill, Count(tmp.Path, "SELECT COUNT(*) FROM ingest_log WHERE status = 'added'"));

            using (var resume = Start(dll, input, tmp.Path))
            {
                var summary = resume.StandardOutput.ReadToEnd();
                Assert.True(resume.WaitForExit(120_000), "resume did not finish");
                Assert.Equal(0, resume.ExitCode);
                Assert.Contains($"\"added\":{unique - afterKill}", summary);
            }
            Assert.Equal(unique, Count(tmp.Path, "SELECT COUNT(*) FROM articles"));
            Assert.Equal(unique, Count(tmp.Path, "SELECT COUNT(DISTINCT content_hash) FROM articles"));
            Assert.Equal(unique, Count(tmp.Path, "SELECT COUNT(*) FROM articles_fts"));
            Assert.Equal(unique, Count(tmp.Path, "SELECT COUNT(*) FROM ingest_log WHERE status = 'added'"));
            using var c = new SqliteConnection($"Data Source={tmp.Path};Pooling=False");
            c.Open();
            using var check = c.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
            check.CommandText = "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)";
            check.ExecuteNonQuery(); // throws when the full-text index disagrees with the articles
        }
        finally
        {
            File.Delete(input);
        }
    }
}
