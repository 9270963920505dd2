using System.Text.Json;
using Malekort.Confidentiality;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;

namespace Malekort.Web.Access;

/// <summary><c>/api/revisjonslogg</c>: administrators read the audit log as it was appended; nobody else reads it.</summary>
public sealed class AuditLogApiTests(MatrixServer server) : IClassFixture<MatrixServer>
{
    [Fact]
    public async Task An_administrator_reads_the_audit_log_newest_first_and_an_office_user_is_refused()
    {
        var viewedAt = new DateTimeOffset(2025, 1, 6, 9, 30, 0, TimeSpan.Zero);
        server.Store.AppendAudit(new AuditEntry(viewedAt.AddDays(-1), "kari", ViewerRole.Kontor, ScorecardData.Fredrikstad, null, null,
            AuditAction.PersonLookup, []));
        var id = server.Store.AppendAudit(new AuditEntry(viewedAt, "kari", ViewerRole.Kontor, ScorecardData.Fredrikstad, new Month(2024, 12), "BL151",
            AuditAction.Explanation, ["p-3f2a", "p-91c0"]));
        using var admin = TestUsers.Client(server.BaseAddress, server.Tokens["admin"]);
        using var office = TestUsers.Client(server.BaseAddress, server.Tokens["kontor"]);

        using var read = await admin.GetAsync(new Uri("/api/revisjonslogg?antall=1", UriKind.Relative), TestContext.Current.CancellationToken);
        using var refused = await office.GetAsync(new Uri("/api/revisjonslogg", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, read.StatusCode);
        var entry = Assert.Single(JsonDocument.Parse(await read.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.EnumerateArray());
        Assert.Equal(id, entry.GetProperty("id").GetInt64());
        Assert.Equal(("kari", "kontor", "3107", "2024-12", "BL151", "explanation"),
            (entry.GetProperty("user").GetString(), entry.GetProperty("role").GetString(), entry.GetProperty("unit").GetString(),
                entry.GetProperty("month").GetString(), entry.GetProperty("indicator").GetString(), entry.GetProperty("action").GetString()));
        Assert.Equal(["p-3f2a", "p-91c0"], entry.GetProperty("persons").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
