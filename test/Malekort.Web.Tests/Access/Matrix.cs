using System.Net.Http.Json;
using Malekort.Confidentiality;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Capture;

namespace Malekort.Web.Access;

/// <summary>Who asks: nobody, a metrics-only token, or a user of each role.</summary>
public sealed record Principal(string Name, ViewerRole? Role, UnitCode? Unit, TokenScope Scope = TokenScope.All)
{
    public bool IsAnonymous => Role is null;

    /// <summary>A signed-in user with a role (a metrics-only token is not one).</summary>
    public bool IsUser => Role is not null && Scope == TokenScope.All;

    public bool Is(ViewerRole role) => IsUser && Role == role;

    public override string ToString() => Unit is { } u ? $"{Name} ({Role?.Name()}, {u})" : Name;
}

/// <summary>Which unit a request is about: the principal's own side (Østfold, NAV Fredrikstad) or another (Bærum).</summary>
public enum Side
{
    Own,
    Other,
}

/// <summary>One request of the matrix.</summary>
/// <param name="Method">GET or POST.</param>
/// <param name="Path">Path and query.</param>
/// <param name="Body">The body to send, if any.</param>
/// <param name="Form">Whether the body is a form that needs a valid anti-forgery token for its principal.</param>
public sealed record MatrixRequest(HttpMethod Method, string Path, Func<HttpContent>? Body = null, bool Form = false);

/// <summary>How a route is asked and who may use it (public routes answer anyone, signed in or not).</summary>
public sealed record Rule(Func<Side, MatrixRequest> Request, Func<Principal, Side, bool> Allowed, bool Public = false);

/// <summary>
/// The authorisation rules of every route, written out here rather than read from the app: the matrix test compares them with
/// the routes the app actually maps, so a new route without a rule fails.
/// </summary>
public static class Matrix
{
    public const string Month = "2024-12";

    public static IReadOnlyList<Principal> Principals { get; } =
    [
        new("anonym", null, null),
        new("prometheus", ViewerRole.Kontor, ScorecardData.NavFredrikstad, TokenScope.Metrics),
        new("kontor", ViewerRole.Kontor, ScorecardData.NavFredrikstad),
        new("kommune", ViewerRole.Kommune, ScorecardData.Fredrikstad),
        new("fylke", ViewerRole.Fylke, UnitCode.Parse("31")),
        new("direktorat", ViewerRole.Direktorat, null),
        new("admin", ViewerRole.Admin, null),
    ];

    public static UnitCode Unit(Side side) => side == Side.Own ? ScorecardData.Fredrikstad : MatrixServer.Baerum;

    public static UnitCode Office(Side side) => side == Side.Own ? ScorecardData.NavFredrikstad : MatrixServer.NavBaerum;

    private static readonly Func<Principal, Side, bool> Anyone = (_, _) => true;
    private static readonly Func<Principal, Side, bool> AnyUser = (p, _) => p.IsUser;
    private static readonly Func<Principal, Side, bool> Metrics = (p, _) => p.Scope == TokenScope.Metrics || p.Is(ViewerRole.Admin);
    private static readonly Func<Principal, Side, bool> Publisher = (p, s) => p.Is(ViewerRole.Admin) || (p.Is(ViewerRole.Kontor) && s == Side.Own);
    // Person-level data: only the office's own users, only for the units it serves (Scopes.MayExplain).
    private static readonly Func<Principal, Side, bool> Explainer = (p, s) => p.Is(ViewerRole.Kontor) && s == Side.Own;
    private static readonly Func<Principal, Side, bool> Uploader = (p, s) =>
        p.Is(ViewerRole.Admin) || ((p.Is(ViewerRole.Kontor) || p.Is(ViewerRole.Kommune)) && s == Side.Own);

    private static readonly Func<Principal, Side, bool> ThresholdSetter = (p, s) => p.Is(ViewerRole.Admin) || (p.Is(ViewerRole.Kommune) && s == Side.Own);

    // Targets: the office and the units it serves, the municipality its own, admins any: who may deliver the unit's data.
    private static readonly Func<Principal, Side, bool> TargetSetter = Uploader;

    // Manual values: who may deliver the unit's data (the office for its units, the municipality its own, admins any).
    private static readonly Func<Principal, Side, bool> ManualTyper = Uploader;

    // Own indicators: a municipality's users for their municipality, an office's users for their office (Scopes.MayDefineIndicators).
    private static readonly Func<Principal, Side, bool> IndicatorDefiner = (p, _) => p.Is(ViewerRole.Kontor) || p.Is(ViewerRole.Kommune);

    // Versions of the national definitions (issue 11 item 7): the directorate adds them, nobody else (Scopes.MayAddVersions).
    private static readonly Func<Principal, Side, bool> VersionAdder = (p, _) => p.Is(ViewerRole.Direktorat);

    private static Rule Get(Func<Side, string> path, Func<Principal, Side, bool> allowed, bool isPublic = false) =>
        new(s => new MatrixRequest(HttpMethod.Get, path(s)), allowed, isPublic);

    private static Rule Form(string path, Func<Side, Dictionary<string, string>> fields, Func<Principal, Side, bool> allowed, bool isPublic = false,
        bool withToken = true) =>
        new(s => new MatrixRequest(HttpMethod.Post, path, () => new FormUrlEncodedContent(fields(s)), withToken), allowed, isPublic);

    /// <summary>The rules by the route's method and pattern as the app maps it (<c>*</c>: any method).</summary>
    public static IReadOnlyDictionary<string, Rule> Rules(IEnumerable<string> styleSheets)
    {
        var rules = new Dictionary<string, Rule>(StringComparer.Ordinal)
        {
            ["GET /"] = Get(_ => "/", AnyUser),
            ["GET /malekort"] = Get(s => $"/malekort?enhet={Unit(s)}&maned={Month}", AnyUser),
            ["GET /malekort/velg"] = Get(s => $"/malekort/velg?enhet={Unit(s)}&maned={Month}", AnyUser),
            ["GET /sammenlign"] = Get(_ => $"/sammenlign?indikator=BL151&maned={Month}", AnyUser),
            ["POST /sammenlign/grupper"] = Form("/sammenlign/grupper", _ => new() { ["navn"] = "Matrisen", ["enheter"] = "3107, 3105" }, AnyUser),
            ["GET /historikk"] = Get(s => $"/historikk?indikator=BL151&enhet={Unit(s)}&maned={Month}", AnyUser),
            ["GET /nedbrytning"] = Get(s => $"/nedbrytning?enhet={Office(s)}&maned={Month}", AnyUser),
            ["GET /datakvalitet"] = Get(_ => "/datakvalitet", AnyUser),
            ["GET /datakvalitet/import/{id:long}"] = Get(_ => "/datakvalitet/import/1", AnyUser),
            ["GET /api/enheter"] = Get(_ => "/api/enheter", AnyUser),
            ["GET /api/malekort"] = Get(s => $"/api/malekort?enhet={Unit(s)}&maned={Month}", AnyUser),
            // As a download (format=xlsx): the same route gives JSON, CSV and JSON-stat to the same users.
            ["GET /api/indikatorer"] = Get(s => $"/api/indikatorer?enhet={Unit(s)}&fra={Month}&format=xlsx", AnyUser),
            ["GET /rapport"] = Get(s => $"/rapport?enhet={Unit(s)}&maned={Month}", AnyUser),
            ["GET /assets/skriv-ut.js"] = Get(_ => "/assets/skriv-ut.js", AnyUser),
            ["GET /favicon.svg"] = Get(_ => "/favicon.svg", Anyone, isPublic: true),
            ["GET /favicon.ico"] = Get(_ => "/favicon.ico", Anyone, isPublic: true),
            ["GET /api-dokumentasjon"] = Get(_ => "/api-dokumentasjon", AnyUser),
            ["GET /openapi/{documentName}.json"] = Get(_ => "/openapi/v1.json", AnyUser),
            ["GET /publisering"] = Get(s => $"/publisering?kontor={Office(s)}&maned={Month}", AnyUser),
            ["POST /publisering"] = Form("/publisering", s => new() { ["kontor"] = Office(s).Value, ["maned"] = Month }, Publisher),
            ["GET /api/publiseringer"] = Get(s => $"/api/publiseringer?kontor={Office(s)}&maned={Month}", AnyUser),
            ["POST /api/publiseringer"] = new(s => new MatrixRequest(HttpMethod.Post, "/api/publiseringer",
                () => JsonContent.Create(new { kontor = Office(s).Value, maned = Month, godkjentAv = "matrisen" })), Publisher),
            ["GET /grenser"] = Get(s => $"/grenser?enhet={Unit(s)}", AnyUser),
            // A preview: the same checks as saving, without changing what the other requests see.
            ["POST /grenser"] = Form("/grenser", s => new() { ["enhet"] = Unit(s).Value, ["gronn-B-101"] = "2", ["rod-B-101"] = "3", ["handling"] = "forhandsvis" },
                ThresholdSetter),
            ["GET /mal"] = Get(s => $"/mal?enhet={Unit(s)}&ar=2024", AnyUser),
            // Without a yearly target: checked and answered 400, so the other requests see no change.
            ["POST /mal"] = Form("/mal", s => new() { ["enhet"] = Unit(s).Value, ["ar"] = "2024", ["indikator"] = "B.151", ["fordeling"] = "jevnt" }, TargetSetter),
            ["POST /mal/fjern"] = Form("/mal/fjern", s => new() { ["enhet"] = Unit(s).Value, ["ar"] = "2023", ["indikator"] = "B.151" }, TargetSetter),
            ["GET /mal/fylke"] = Get(s => $"/mal/fylke?fylke={Unit(s).County}&ar=2024", AnyUser),
            ["GET /manuelt"] = Get(s => $"/manuelt?enhet={Unit(s)}&maned={Month}", ManualTyper),
            // Without a number: checked and answered 400, so the other requests see no change.
            ["POST /manuelt"] = Form("/manuelt", s => new() { ["enhet"] = Unit(s).Value, ["maned"] = "2023-01", ["indikator"] = "B51" }, ManualTyper),
            ["POST /manuelt/fjern"] = Form("/manuelt/fjern", s => new() { ["enhet"] = Unit(s).Value, ["maned"] = "2023-01", ["indikator"] = "B51" }, ManualTyper),
            ["GET /indikatorvalg"] = Get(s => $"/indikatorvalg?enhet={Unit(s)}", AnyUser),
            // Nothing chosen: checked and answered 400, so the other requests see no change.
            ["POST /indikatorvalg"] = Form("/indikatorvalg", s => new() { ["enhet"] = Unit(s).Value, ["rekkefolge"] = "BL151" }, TargetSetter),
            ["POST /indikatorvalg/nasjonalt"] = Form("/indikatorvalg/nasjonalt", s => new() { ["enhet"] = Unit(s).Value }, TargetSetter),
            // Own indicators (issue 11 item 6) belong to the user's own unit, whatever the side: a municipality's and an office's users define them.
            ["GET /egne-indikatorer"] = Get(_ => "/egne-indikatorer", AnyUser),
            // A formula that does not check: answered 400 to those who may define, so the other requests see no change.
            ["POST /egne-indikatorer"] = Form("/egne-indikatorer", _ => new()
            {
                ["kode"] = "EGEN.MATRISE", ["navn"] = "Matrisen", ["formel"] = "BL151 /", ["retning"] = "hoyere", ["maleenhet"] = "personer",
            }, IndicatorDefiner),
            // A code nobody has: nothing to remove, answered «uendret» to those who may define.
            ["POST /egne-indikatorer/fjern"] = Form("/egne-indikatorer/fjern", _ => new() { ["kode"] = "EGEN.FINNES.IKKE" }, IndicatorDefiner),
            ["GET /definisjoner"] = Get(_ => "/definisjoner", AnyUser),
            ["GET /definisjoner/ny"] = Get(_ => "/definisjoner/ny", VersionAdder),
            // A formula that does not check: answered 400 to the directorate, so the other requests see no change.
            ["POST /definisjoner/ny"] = Form("/definisjoner/ny", _ => new()
            {
                ["indikator"] = "B.102", ["fra"] = "2025-01", ["formel"] = "BL152 /", ["endring"] = "Matrisen",
            }, VersionAdder),
            ["GET /driftslogg"] = Get(_ => "/driftslogg", AnyUser),
            ["GET /driftslogg/{id:long}"] = Get(_ => "/driftslogg/1", AnyUser),
            ["GET /api/driftslogg"] = Get(_ => "/api/driftslogg", AnyUser),
            ["GET /api/driftslogg/{id:long}"] = Get(_ => "/api/driftslogg/1", AnyUser),
            ["GET /malekort/forklaring"] = Get(s => $"/malekort/forklaring?enhet={Unit(s)}&maned={Month}&indikator=BL151", Explainer),
            ["POST /malekort/forklaring"] = Form("/malekort/forklaring", s => new()
            {
                ["enhet"] = Unit(s).Value, ["maned"] = Month, ["indikator"] = "BL151", ["del"] = "teller",
                ["fodselsnummer"] = Malekort.Import.Pseudonyms.Fodselsnummer.Create(new DateOnly(1990, 5, 17), 123, synthetic: true),
            }, Explainer),
            ["GET /api/revisjonslogg"] = Get(_ => "/api/revisjonslogg", (p, _) => p.Is(ViewerRole.Admin)),
            ["POST /api/leveranser"] = new(s => new MatrixRequest(HttpMethod.Post, "/api/leveranser?filnavn=uttrekk.zip",
                () => new ByteArrayContent(new TestExtract(Unit(s).Value, new DateTimeOffset(2025, 1, 3, 5, 0, 0, TimeSpan.Zero)).ZipBytes())), Uploader),
            ["GET /logg-inn"] = Get(_ => "/logg-inn?retur=%2Fmalekort", Anyone, isPublic: true),
            ["POST /logg-inn"] = Form("/logg-inn", _ => new() { ["brukernavn"] = "kontor", ["passord"] = "feil passord" }, Anyone, isPublic: true),
            ["POST /logg-inn/demo"] = Form("/logg-inn/demo", _ => new() { ["demobruker"] = "demo-admin" }, Anyone, isPublic: true),
            // Without a token: a valid form would go on to the provider, which this server has none of.
            ["POST /logg-inn/oidc"] = Form("/logg-inn/oidc", _ => [], Anyone, isPublic: true, withToken: false),
            ["POST /logg-ut"] = Form("/logg-ut", _ => [], AnyUser),
            ["* /metrics"] = Get(_ => "/metrics", Metrics),
            ["* /helse/live"] = Get(_ => "/helse/live", Anyone, isPublic: true),
            ["* /helse/klar"] = Get(_ => "/helse/klar", Anyone, isPublic: true),
            ["* {*path:nonfile}"] = Get(_ => "/finnes-ikke", AnyUser),
        };
        foreach (var sheet in styleSheets) rules["GET " + sheet] = Get(_ => sheet, Anyone, isPublic: true);
        return rules;
    }
}
