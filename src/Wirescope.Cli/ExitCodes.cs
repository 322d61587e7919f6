namespace Wirescope.Cli;

/// <summary>DESIGN.md's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Every document analysed.</summary>
    public const int Ok = 0;
    /// <summary>Some documents failed (each failure is a record with error).</summary>
    public const int SomeFailed = 1;
    /// <summary>Bad usage.</summary>
    public const int Usage = 2;
    /// <summary>Nothing could be read at all.</summary>
    public const int NothingRead = 3;

    /// <summary>The exit code from the counts of a batch.</summary>
    public static int From(int total, int failed) =>
        total == 0 ? NothingRead : failed == 0 ? Ok : failed == total ? NothingRead : SomeFailed;
}
