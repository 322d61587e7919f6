namespace Wirescope.Language.Models;

/// <summary>
/// Finds a shipped model file: in the folder named by <c>$WIRESCOPE_MODELS</c> when it is set
/// (an explicit choice is never silently replaced by another copy), else in the first
/// <c>models/</c> folder at or above the program's directory (a dotnet tool carries its models
/// there; the launcher's build sits below the repository's) or the current directory.
/// </summary>
public static class ModelLocator
{
    public const string EnvironmentVariable = "WIRESCOPE_MODELS";

    /// <summary>The full path of <paramref name="fileName"/>, or null when no folder has it.</summary>
    public static string? Find(string fileName)
    {
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(env))
        {
            var p = Path.Combine(env, fileName);
            return File.Exists(p) ? p : null;
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var p = Path.Combine(dir.FullName, "models", fileName);
                if (File.Exists(p)) return p;
            }
        return null;
    }
}
