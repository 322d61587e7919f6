using System.CommandLine;
using System.Globalization;
using Wirescope.Storage;
using Wirescope.Storage.Sqlite;

namespace Wirescope.Cli;

/// <summary>Options and helpers shared by the store verbs (ingest, search, quotes, events, stats, export).</summary>
internal static class StoreOptions
{
    public static Option<string> Db() => new("--db") { Description = "The store (SQLite file)", DefaultValueFactory = _ => SqliteStore.DefaultPath };
    public static Option<string?> From() => new("--from") { Description = "Earliest date, YYYY-MM-DD" };
    public static Option<string?> To() => new("--to") { Description = "Latest date, YYYY-MM-DD" };
    public static Option<string?> Site() => new("--site") { Description = "Site name or host" };
    public static Option<string?> Lang() => new("--lang") { Description = "Language code (en, de, ...)" };
    public static Option<int> Limit(int value) => new("--limit", "-n") { Description = "Most results", DefaultValueFactory = _ => value };

    /// <summary>Opens an existing store for a query verb; prints the problem and returns null when it cannot.</summary>
    public static IStore? OpenExisting(string path)
    {
        try
        {
            return SqliteStore.Open(path, create: false);
        }
        catch (StoreException e)
        {
            Console.Error.WriteLine($"wirescope: {e.Message}");
            return null;
        }
    }

    /// <summary>Parses an optional YYYY-MM-DD; false (with a message) when it is malformed.</summary>
    public static bool TryDate(string? s, string option, out DateOnly? date)
    {
        date = null;
        if (s is null) return true;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }
        Console.Error.WriteLine($"wirescope: {option}: cannot read '{s}' (YYYY-MM-DD)");
        return false;
    }
}
