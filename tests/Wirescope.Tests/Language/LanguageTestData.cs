using System.Runtime.CompilerServices;
using Wirescope.Language;
using Wirescope.Language.Tokenization;

namespace Wirescope.Tests.Language;

/// <summary>Where the language tests find their fixtures and the shipped models.</summary>
internal static class LanguageTestData
{
    /// <summary>This source folder (fixtures are read in place, next to the tests that use them).</summary>
    public static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    public static string Fixture(string name) => Path.Combine(Folder(), "Fixtures", name);

    /// <summary>The shipped models (repository models/ folder).</summary>
    public static LanguageModels Models => LanguageModels.Default;

    /// <summary>Rows of an embedded *.cases.tsv as xunit theory data; "\n" in a cell is a line break.</summary>
    public static IEnumerable<object[]> Cases(string name) =>
        LanguageTable.Rows(name, 2, 3).Select(r => new object[] { r.Cols[0].Replace("\\n", "\n"), r.Cols[1].Replace("\\n", "\n") });
}
