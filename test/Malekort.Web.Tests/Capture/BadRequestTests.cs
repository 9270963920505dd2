using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Malekort.Storage;
using Malekort.Testing;

namespace Malekort.Web.Capture;

/// <summary>
/// Requests a person or a script can get wrong: a form that is not multipart after all, two files, none, a missing approver.
/// Each is a 400 with a Norwegian problem (never a 500), and nothing is stored or published.
/// </summary>
public sealed class BadRequestTests
{
    private const string Boundary = "grense";

    public static TheoryData<string, string, string> MalformedForms => new()
    {
        { "multipart/form-data", "--x\r\n\r\n--x--\r\n", "boundary" },
        { $"multipart/form-data; boundary={new string('b', 71)}", "", "boundary" },
        { $"multipart/form-data; boundary={Boundary}", "dette er ikke et skjema", "ikke gyldig multipart/form-data" },
        { $"multipart/form-data; boundary={Boundary}", Part("fil", "a.zip", "PK\u0003\u0004 avkuttet uten sluttgrense"), "ikke gyldig multipart/form-data" },
        { $"multipart/form-data; boundary={Boundary}", $"--{Boundary}\r\nX-Lang: {new string('x', 20_000)}\r\n\r\nabc\r\n--{Boundary}--\r\n", "ikke gyldig multipart/form-data" },
        { $"multipart/form-data; boundary={Boundary}", Part("fil", "a.zip", "første") + Part("fil2", "b.zip", "andre") + End, "én fil per forespørsel" },
        { $"multipart/form-data; boundary={Boundary}", Field("kommentar", "ingen fil her") + End, "Skjemaet har ingen fil" },
    };

    [Theory]
    [MemberData(nameof(MalformedForms))]
    public async Task A_malformed_upload_form_is_a_Norwegian_400_and_stores_nothing(string contentType, string body, string why)
    {
        await using var host = await ServerModeHost.Start(TestDatabases.Sqlite);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/leveranser", UriKind.Relative))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.AdminToken);

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        var problem = await Problem(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Ugyldig forespørsel", problem.GetProperty("title").GetString());
        Assert.Contains(why, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Store.RunLog(100), e => e.Kind == RunKind.Capture);
    }

    // Without godkjentAv the signed-in user is the approver; a name given must be a proper one.
    [Theory]
    [InlineData("Kari\nNordmann")]
    [InlineData("K")]
    public async Task A_publication_with_an_improper_approver_name_is_a_400_naming_godkjentAv_and_publishes_nothing(string? approver)
    {
        await using var host = await ServerModeHost.Start(TestDatabases.Sqlite);
        new TestExtract("3107", new DateTimeOffset(2025, 1, 3, 5, 0, 0, TimeSpan.Zero)).DropZip(Path.Combine(host.DropFolder, "3107"), "uttrekk.zip");
        await host.WaitFor(async () => await host.Recipients("3107", "2024-12") == 5, "uttrekket vises");
        var name = approver == "K" ? new string('K', 201) : approver;

        using var response = await DropFolderTests.Publish(host, name!);

        var problem = await Problem(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("godkjentAv", problem.GetProperty("parameter").GetString());
        Assert.EndsWith("Ingenting er publisert.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Store.Publications(ServerModeHost.NavFredrikstad, new Periods.Month(2024, 12)));
    }

    [Fact]
    public async Task A_publication_post_that_is_not_a_form_is_a_400_page_not_a_500()
    {
        await using var host = await ServerModeHost.Start(TestDatabases.Sqlite);

        using var response = await host.Client.PostAsync(new Uri("/publisering", UriKind.Relative),
            JsonContent.Create(new { kontor = "NAV-0106" }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Forespørselen er ikke et skjema", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }

    private static string End => $"--{Boundary}--\r\n";

    private static string Part(string name, string file, string content) =>
        $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: application/zip\r\n\r\n{content}\r\n";

    private static string Field(string name, string value) =>
        $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n";

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
