using Malekort.Confidentiality;
using Malekort.Storage.Sqlite;
using Malekort.Testing;
using Malekort.Web.Access;

namespace Malekort.Cli.EndToEnd;

/// <summary><c>malekort users …</c> and <c>malekort key …</c> through the real command, on a real database.</summary>
public sealed class AccessCommandTests : IDisposable
{
    private const string Password = "et-langt-nok-passord";
    private static readonly string Oracle = Path.Combine(AppContext.BaseDirectory, "Fixtures", "oracle");

    private readonly string work = Directory.CreateTempSubdirectory("malekort-access-").FullName;

    private string Db => Path.Combine(work, "malekort.db");

    private string Key => Path.Combine(work, "pseudonym.key");

    public void Dispose() => Directory.Delete(work, recursive: true);

    private static (int Exit, string Output, string Error) Run(string? input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, new StringReader(input ?? ""), output, error, new FixedClock(new DateTimeOffset(2025, 2, 3, 9, 0, 0, TimeSpan.Zero)));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_user_added_with_a_password_on_standard_input_can_sign_in_with_it_and_is_listed_and_removed()
    {
        var (exit, output, error) = Run(Password + "\n", "users", "add", "kari", "--role", "kontor", "--unit", "NAV-0106", "--db", Db);
        Assert.True(exit == 0, error);
        Assert.Contains("Brukeren kari er lagt til (kontor, NAV-0106).", output, StringComparison.Ordinal);

        using (var store = new SqliteStore(Db))
        {
            var account = store.FindUser("kari")!;
            Assert.Equal((ViewerRole.Kontor, "NAV-0106"), (account.Role, account.Unit?.Value));
            Assert.True(LocalAccounts.Verify(account, Password));
            Assert.False(LocalAccounts.Verify(account, Password + "x"));
            Assert.DoesNotContain(Password, account.PasswordHash, StringComparison.Ordinal);
        }
        Assert.Contains("kari\tkontor, NAV-0106", Run(null, "users", "list", "--db", Db).Output, StringComparison.Ordinal);

        Assert.Equal(0, Run(null, "users", "remove", "kari", "--db", Db).Exit);
        Assert.Contains("Ingen brukere", Run(null, "users", "list", "--db", Db).Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kontor", null, "må ha en enhet")]
    [InlineData("kontor", "3107", "må ha et NAV-kontor")]
    [InlineData("admin", "NAV-0106", "har ingen enhet")]
    [InlineData("kommune", "9999", "finnes ikke i SSBs")]
    [InlineData("sjef", null, "er ikke en rolle")]
    public void A_role_and_unit_that_do_not_fit_are_refused_and_nothing_is_stored(string role, string? unit, string why)
    {
        string[] args = unit is null ? ["users", "add", "ola", "--role", role, "--db", Db] : ["users", "add", "ola", "--role", role, "--unit", unit, "--db", Db];

        var (exit, _, error) = Run(Password, args);

        Assert.Equal(2, exit);
        Assert.Contains(why, error, StringComparison.Ordinal);
        using var store = new SqliteStore(Db);
        store.Migrate();
        Assert.Empty(store.Users());
    }

    [Fact]
    public void A_short_password_and_a_taken_name_are_refused()
    {
        Assert.Contains("minst 12 tegn", Run("kort", "users", "add", "ola", "--role", "admin", "--db", Db).Error, StringComparison.Ordinal);
        Assert.Equal(0, Run(Password, "users", "add", "ola", "--role", "admin", "--db", Db).Exit);
        Assert.Contains("finnes allerede", Run(Password, "users", "add", "ola", "--role", "direktorat", "--db", Db).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_is_printed_once_and_only_its_hash_is_stored()
    {
        Run(Password, "users", "add", "drift", "--role", "admin", "--db", Db);

        var (exit, output, _) = Run(null, "users", "token", "drift", "--db", Db);
        var token = output.Trim();

        Assert.Equal(0, exit);
        Assert.StartsWith(LocalAccounts.TokenPrefix, token, StringComparison.Ordinal);
        using var store = new SqliteStore(Db);
        Assert.Equal("drift", store.FindToken(LocalAccounts.TokenHash(token))?.User.Name);
        Assert.Null(store.FindToken(token));
        Assert.Equal(2, Run(null, "users", "token", "ingen", "--db", Db).Exit);
    }

    [Fact]
    public void Import_with_a_mistyped_key_path_stops_and_stores_nothing()
    {
        var batch = Path.Combine(Oracle, "batch");
        Assert.Equal(0, Run(null, "import", batch, "--db", Db, "--key", Key).Exit);
        Assert.Contains("bygd med nøkkel", Run(null, "key", "show", "--db", Db, "--key", Key).Output, StringComparison.Ordinal);
        long before;
        using (var store = new SqliteStore(Db)) before = store.DataVersion();

        var (exit, _, error) = Run(null, "import", Path.Combine(Oracle, "population.csv"), "--db", Db, "--key", Key + ".feil");

        Assert.Equal(1, exit);
        Assert.Contains("Finner ikke pseudonymnøkkelen", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Key + ".feil"));
        using var after = new SqliteStore(Db);
        Assert.Equal(before, after.DataVersion());
    }

    [Fact]
    public void Key_rotation_changes_no_number_and_the_rotated_key_imports_on()
    {
        var batch = Path.Combine(Oracle, "batch");
        Run(null, "import", batch, Path.Combine(Oracle, "population.csv"), Path.Combine(Oracle, "offices.csv"), "--db", Db, "--key", Key);
        var indicators = Run(null, "indicators", "--month", "2024-03", "--format", "csv", "--db", Db).Output;

        var (exit, output, error) = Run(null, "key", "rotate", "--db", Db, "--key", Key);

        Assert.True(exit == 0, error);
        Assert.Contains("Nøkkelen er rotert", output, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(Key).Length);
        Assert.Equal(indicators, Run(null, "indicators", "--month", "2024-03", "--format", "csv", "--db", Db).Output);
        Assert.Contains("allerede importert", Run(null, "import", batch, "--db", Db, "--key", Key).Output, StringComparison.Ordinal);
    }
}
