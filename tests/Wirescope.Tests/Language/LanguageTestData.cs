using System.Runtime.CompilerServices;
using Wirescope.Language.Tokenization;
using Wirescope.Language;
using Wirescope.Tables;

namespace Wirescope.Tests.Language;

/// <summary>Where the language tests find their fixtures and the shipped models.</summary>
internal static class LanguageTestData
{
    /// <summary>
    /// This source folder (fixtures are read in place, next to the tests that use them). When
    /// the compiler mapped source paths away (deterministic CI builds), found by walking up
    /// from the test binaries to the repository.
    /// </summary>
    public static string Folder([CallerFilePath] string path = "")
    {
        var here = Path.GetDirectoryName(path);
        if (here is not null && Directory.Exists(Path.Combine(here, "Fixtures"))) return here;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Wirescope.Tests", "Language");
            if (Directory.Exists(Path.Combine(candidate, "Fixtures"))) return candidate;
        }
        throw new DirectoryNotFoundException("tests/Wirescope.Tests/Language/Fixtures not found");
    }

    public static string Fixture(string name) => Path.Combine(Folder(), "Fixtures", name);

    /// <summary>The shipped models (repository models/ folder).</summary>
    public static LanguageModels Models => LanguageModels.Default;

    /// <summary>Rows of an embedded *.cases.tsv as xunit theory data; "\n" in a cell is a line break.</summary>
    public static IEnumerable<object[]> Cases(string name) =>
        TsvTable.ReadResource("language/" + name, 3, 2).Select(r => new object[] { r[0].Replace("\\n", "\n"), r[1].Replace("\\n", "\n") });
}
