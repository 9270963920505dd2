using Malekort.Testing;

namespace Malekort.Cli.EndToEnd;

/// <summary>
/// <c>target set --year</c>, <c>target list</c> and <c>target remove</c> (issue 11 item 3): a yearly target spread over the months,
/// listed with how it was set, removed, each change kept with who.
/// </summary>
public sealed class TargetCommandTests : IDisposable
{
    private static readonly string Offices = Path.Combine(AppContext.BaseDirectory, "Fixtures", "oracle", "offices.csv");
    private readonly string work = Directory.CreateTempSubdirectory("malekort-target-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void A_yearly_target_is_set_by_weights_listed_and_removed_with_each_change_kept(string kind)
    {
        using var database = TestDatabases.CreateEmpty(kind);
        Assert.Equal(0, Run("import", Offices, "--db", database.Argument, "--key", Path.Combine(work, "key")).Exit);

        var set = Run("target", "set", "--unit", "NAV-0106", "--indicator", "V.104", "--year", "2025", "--value", "120",
            "--weights", "0;1;1;1;1;1;1;1;1;1;1;2", "--set-by", "kari", "--db", database.Argument);
        var listed = Run("target", "list", "--unit", "NAV-0106", "--db", database.Argument);
        var removed = Run("target", "remove", "--unit", "NAV-0106", "--indicator", "V.104", "--year", "2025", "--db", database.Argument);
        var after = Run("target", "list", "--db", database.Argument);

        Assert.Equal((0, ""), (set.Exit, set.Error));
        Assert.Equal("Årsmål 120 for V.104 i NAV-0106, 2025: 0 10 10 10 10 10 10 10 10 10 10 20.", set.Output.Trim());
        Assert.Equal("NAV-0106   V.104    2025 etter vekter     år 120  0 10 10 10 10 10 10 10 10 10 10 20", listed.Output.Trim());
        Assert.Equal("Måltallene for V.104 i NAV-0106, 2025, er fjernet.", removed.Output.Trim());
        Assert.Empty(after.Output);
        var changes = database.Store.TargetChanges(Units.UnitCode.Office("0106"));
        Assert.Equal(["lokal operatør", "kari"], changes.Select(c => c.ChangedBy));
    }

    [Fact]
    public void Weights_that_are_not_twelve_are_refused_and_nothing_is_stored()
    {
        using var database = TestDatabases.Create(TestDatabases.Sqlite);

        var (exit, _, error) = Run("target", "set", "--unit", "3107", "--indicator", "B.151", "--year", "2025", "--value", "40",
            "--weights", "1;2;3", "--db", database.Argument);

        Assert.Equal(2, exit);
        Assert.Equal("malekort: --weights må ha 12 vekter skilt med semikolon, ikke 3.", error.Trim());
        Assert.Empty(database.Store.TargetYears());
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, output, error, TimeProvider.System);
        return (exit, output.ToString(), error.ToString());
    }
}
