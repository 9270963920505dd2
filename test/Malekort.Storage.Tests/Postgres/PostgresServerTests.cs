using System.Globalization;
using Malekort.Testing;

namespace Malekort.Storage.Postgres;

/// <summary>The test server itself: reachable on loopback only, and each test's database its own.</summary>
public sealed class PostgresServerTests
{
    [Fact]
    public void The_test_server_listens_on_loopback_only_and_gives_each_test_its_own_database()
    {
        using var first = TestDatabases.CreateEmpty(TestDatabases.Postgres);
        using var second = TestDatabases.CreateEmpty(TestDatabases.Postgres);
        TestContext.Current.SendDiagnosticMessage(string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL {PostgresServer.Shared.Version} on 127.0.0.1:{PostgresServer.Shared.Port}, started in {PostgresServer.Shared.StartupTime.TotalSeconds:0.00} s"));

        Assert.Equal("127.0.0.1", Setting(first, "listen_addresses"));
        Assert.NotEqual(Setting(first, "current_database()"), Setting(second, "current_database()"));
        first.Store.Migrate();
        Assert.Equal(0, second.Count("pg_tables WHERE schemaname = 'public'"));
    }

    private static string Setting(TestDatabase db, string what)
    {
        using var connection = db.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = what.EndsWith(')') ? $"SELECT {what}" : $"SHOW {what}";
        return (string)command.ExecuteScalar()!;
    }
}
