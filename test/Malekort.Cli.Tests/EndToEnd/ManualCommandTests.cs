using Malekort.Testing;

namespace Malekort.Cli.EndToEnd;

/// <summary>
/// <c>manual set</c>, <c>manual list</c> and <c>manual remove</c> (issue 11 item 4): a number typed for a municipality and a month
/// without captured data is checked as on the page, listed with who and when, shown by <c>indicators</c> marked as typed, and
/// removed, each change kept with who.
/// </summary>
public sealed class ManualCommandTests : IDisposable
{
    private static readonly string Offices = Path.Combine(AppContext.BaseDirectory, "Fixtures", "oracle", "offices.csv");
    private readonly string work = Directory.CreateTempSubdirectory("malekort-manual-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_typed_share_is_set_listed_shown_marked_and_removed_with_each_change_kept(string kind)
    {
        using var database = TestDatabases.CreateEmpty(kind);
        Assert.Equal(0, Run("import", Offices, "--db", database.Argument, "--key", Path.Combine(work, "key")).Exit);

        var set = Run("manual", "set", "--unit", "3107", "--indicator", "B.104", "--month", "2024-12", "--numerator", "3", "--denominator", "12",
            "--set-by", "kari", "--db", database.Argument);
        var listed = Run("manual", "list", "--db", database.Argument);
        var shown = Run("indicators", "--month", "2024-12", "--unit", "3107", "--db", database.Argument);
        var removed = Run("manual", "remove", "--unit", "3107", "--indicator", "B.104", "--month", "2024-12", "--db", database.Argument);

        Assert.Equal((0, ""), (set.Exit, set.Error));
        Assert.Equal("B.104 i 3107, 2024-12: 3 / 12, manuelt registrert.", set.Output.Trim());
        Assert.StartsWith("3107   2024-12 B.104    3 / 12         kari ", listed.Output.Trim(), StringComparison.Ordinal);
        Assert.Contains("manuelt registrert", shown.Output, StringComparison.Ordinal);
        Assert.Equal("Det manuelle tallet for B.104 i 3107, 2024-12, er fjernet.", removed.Output.Trim());
        Assert.Empty(database.Store.ManualValues());
        Assert.Equal(["lokal operatør", "kari"], database.Store.ManualValueChanges(Units.UnitCode.Parse("3107")).Select(c => c.ChangedBy));
    }

    [Fact]
    public void A_numerator_larger_than_its_denominator_is_refused_by_field_and_nothing_is_stored()
    {
        using var database = TestDatabases.Create(TestDatabases.Sqlite);

        var (exit, _, error) = Run("manual", "set", "--unit", "3107", "--indicator", "B.104", "--month", "2024-12", "--numerator", "13",
            "--denominator", "12", "--db", database.Argument);

        Assert.Equal(2, exit);
        Assert.Equal("malekort: --numerator: Telleren (13) kan ikke være større enn nevneren (12) for en andel.", error.Trim());
        Assert.Empty(database.Store.ManualValues());
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, output, error, TimeProvider.System);
        return (exit, output.ToString(), error.ToString());
    }
}
