namespace Malekort.Indicators;

/// <summary><c>docs/indicators.md</c>'s declarations section is generated from the declarations (issue 11 item 7).</summary>
public sealed class IndicatorDocsTests
{
    [Fact]
    public void The_committed_indicators_md_equals_the_one_generated_from_the_declarations()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "indicators.md");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");

        Assert.True(committed == IndicatorDocs.Rewrite(committed),
            "docs/indicators.md is not what the declarations say: run `./malekort definitions --write docs/indicators.md`.");
    }

    [Fact]
    public void Every_version_of_every_indicator_has_its_row_with_its_rule()
    {
        var section = IndicatorDocs.Section();

        foreach (var d in IndicatorCatalog.All)
            Assert.Contains($"| {d.Code} | {d.Version} |", section, StringComparison.Ordinal);
        Assert.Contains("| B.102.v2 | 2 | from 2025-01 |", section, StringComparison.Ordinal);
        Assert.Contains("`BL152Consecutive`", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewriting_replaces_only_the_generated_section_and_is_stable()
    {
        var document = "# Title\n\nHand-written text.\n\n" + IndicatorDocs.Begin + "\nold rows\n" + IndicatorDocs.End + "\n\n## After\n\nMore.\n";

        var rewritten = IndicatorDocs.Rewrite(document);

        Assert.StartsWith("# Title\n\nHand-written text.\n\n" + IndicatorDocs.Begin, rewritten, StringComparison.Ordinal);
        Assert.EndsWith(IndicatorDocs.End + "\n\n## After\n\nMore.\n", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("old rows", rewritten, StringComparison.Ordinal);
        Assert.Equal(rewritten, IndicatorDocs.Rewrite(rewritten));
        Assert.Equal(IndicatorDocs.Rewrite("# Only\n"), IndicatorDocs.Rewrite(IndicatorDocs.Rewrite("# Only\n")));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "docs", "indicators.md")) && Directory.Exists(Path.Combine(dir.FullName, "src"))) return dir.FullName;
        throw new DirectoryNotFoundException("Fant ikke depotets rot (docs/indicators.md) over testkatalogen.");
    }
}
