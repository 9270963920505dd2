using Malekort.Storage;
using Malekort.Storage.Sqlite;
using Malekort.Testing;
using Malekort.Units;
using Malekort.Web.Access;

namespace Malekort.Cli.EndToEnd;

/// <summary><c>malekort central …</c> and <c>serve --central</c>'s refusals through the real command, on a real database (docs/federation.md).</summary>
public sealed class CentralCommandTests : IDisposable
{
    private static readonly string Oracle = Path.Combine(AppContext.BaseDirectory, "Fixtures", "oracle");

    private readonly string work = Directory.CreateTempSubdirectory("malekort-sentral-").FullName;

    private string Db => Path.Combine(work, "fylke.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(work, recursive: true);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, new StringReader(""), output, error, new FixedClock(new DateTimeOffset(2025, 2, 3, 9, 0, 0, TimeSpan.Zero)));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_delivery_key_is_shown_once_stored_only_as_its_hash_and_makes_the_database_a_central_one_that_imports_no_person_data()
    {
        Assert.Equal(0, Run("import", Path.Combine(Oracle, "offices.csv"), "--db", Db).Exit);

        var (exit, output, error) = Run("central", "key", "--office", "NAV-0106", "--db", Db);

        Assert.True(exit == 0, error);
        var key = output.Trim();
        Assert.StartsWith("mk_", key, StringComparison.Ordinal);
        Assert.Contains("lagres bare som hash", error, StringComparison.Ordinal);
        using (var store = new SqliteStore(Db))
        {
            Assert.Equal(InstanceRole.Central, store.InstanceRole());
            Assert.Equal(UnitCode.Office("0106"), store.DeliveryKeyOffice(LocalAccounts.TokenHash(key)));
            Assert.Null(store.DeliveryKeyOffice(key));
        }
        Assert.Contains("NAV-0106\tlaget", Run("central", "keys", "--db", Db).Output, StringComparison.Ordinal);
        var (unknown, _, why) = Run("central", "key", "--office", "NAV-9999", "--db", Db);
        Assert.NotEqual(0, unknown);
        Assert.Contains("finnes ikke i kontorregisteret", why, StringComparison.Ordinal);

        var (imported, _, refusal) = Run("import", Path.Combine(Oracle, "batch"), "--db", Db, "--key", Path.Combine(work, "pseudonym.key"));
        Assert.Equal(1, imported);
        Assert.Contains("Dette er en sentral instans", refusal, StringComparison.Ordinal);
        using var after = new SqliteStore(Db);
        Assert.Empty(after.Load().WorkingSet.CaptureUnits);
    }

    [Theory]
    [InlineData("--uploads", "tar ikke imot persondata")]
    [InlineData("--drop", "tar ikke imot persondata")]
    [InlineData("--schedule", "publiserer ikke")]
    public void A_central_server_does_not_start_with_a_way_in_for_person_data_or_its_own_publishing(string option, string why)
    {
        string[] extra = option switch
        {
            "--drop" => [option, Path.Combine(work, "mottak")],
            "--schedule" => [option, "0 6 5 * *"],
            _ => [option],
        };

        var (exit, _, error) = Run(["serve", "--central", "--db", Db, "--urls", "http://127.0.0.1:0", .. extra]);

        Assert.NotEqual(0, exit);
        Assert.Contains(why, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_with_person_data_cannot_become_a_central_one_nor_a_central_one_serve_as_local()
    {
        Assert.Equal(0, Run("import", Path.Combine(Oracle, "batch"), "--db", Db, "--key", Path.Combine(work, "pseudonym.key")).Exit);

        var (exit, _, error) = Run("central", "key", "--office", "NAV-0106", "--db", Db);

        Assert.NotEqual(0, exit);
        Assert.Contains("har persondata", error, StringComparison.Ordinal);
        var central = Path.Combine(work, "sentral.db");
        Assert.Equal(0, Run("central", "key", "--office", "NAV-0106", "--db", central).Exit);
        var (local, _, refusal) = Run("serve", "--db", central, "--urls", "http://127.0.0.1:0");
        Assert.NotEqual(0, local);
        Assert.Contains("Start den med «serve --central»", refusal, StringComparison.Ordinal);
    }
}
