using System.Globalization;
using Microsoft.Data.Sqlite;
using Wirescope.Tables;

namespace Wirescope.Storage.Sqlite;

/// <summary>
/// Versioned migrations, applied on open: Resources/storage/migrations/NNN_name.sql, in
/// number order, each in its own transaction with its row in schema_version. A database newer
/// than this build is refused rather than guessed at.
/// </summary>
internal static class SqliteMigrator
{
    public sealed record Migration(int Version, string Name, string Sql);

    private static readonly Lazy<IReadOnlyList<Migration>> All = new(Load);

    public static IReadOnlyList<Migration> Migrations => All.Value;

    public static int Latest => Migrations[^1].Version;

    /// <summary>Brings the database up to <paramref name="target"/> (default: the latest). Returns the version now in force.</summary>
    public static int Apply(SqliteConnection conn, int? target = null)
    {
        Exec(conn, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        int current = CurrentVersion(conn);
        if (current > Latest)
            throw new StoreException($"the database is at schema version {current}, newer than this wirescope knows ({Latest})");
        foreach (var m in Migrations)
        {
            if (m.Version <= current || m.Version > (target ?? Latest)) continue;
            using var tx = conn.BeginTransaction();
            try
            {
                using (var cmd = conn.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = m.Sql;
                    cmd.ExecuteNonQuery();
                }
                using (var cmd = conn.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = "INSERT INTO schema_version(version, name, applied_at) VALUES ($v, $n, $t)";
                    cmd.Parameters.AddWithValue("$v", m.Version);
                    cmd.Parameters.AddWithValue("$n", m.Name);
                    cmd.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                    cmd.ExecuteNonQuery();
                }
                tx.Commit();
            }
            catch (SqliteException e)
            {
                throw new StoreException($"migration {m.Name} failed: {e.Message}", e);
            }
            current = m.Version;
        }
        return current;
    }

    public static int CurrentVersion(SqliteConnection conn)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Exec(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static IReadOnlyList<Migration> Load()
    {
        const string folder = "storage/migrations";
        var list = new List<Migration>();
        foreach (var path in EmbeddedResources.List(folder))
        {
            if (!path.EndsWith(".sql", StringComparison.Ordinal)) continue;
            var name = path[(folder.Length + 1)..];
            if (name.Length < 5 || !int.TryParse(name.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || name[3] != '_')
                throw new InvalidOperationException($"migration file '{name}': name must be NNN_description.sql");
            using var s = EmbeddedResources.TryOpen(path)!;
            list.Add(new Migration(version, name, new StreamReader(s).ReadToEnd()));
        }
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (int i = 0; i < list.Count; i++)
            if (list[i].Version != i + 1)
                throw new InvalidOperationException($"migrations must be numbered 1, 2, 3 ... without gaps; found {list[i].Name} at position {i + 1}");
        if (list.Count == 0) throw new InvalidOperationException("no migrations embedded");
        return list;
    }
}
