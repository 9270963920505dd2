using Malekort.Confidentiality;
using Malekort.Explanation;
using Malekort.Import.Pseudonyms;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;
using Malekort.Web.Access;
using Malekort.Web.Pages;
using Malekort.Web.Parameters;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Malekort.Web.Explain;

/// <summary>
/// <c>/malekort/forklaring?enhet=&amp;maned=&amp;indikator=&amp;del=teller|nevner</c>: who was counted and why, for an office's own
/// municipalities and districts only (<see cref="Scopes.MayExplain"/>); anyone else is refused with 403. The page's form posts a
/// fødselsnummer to the same address to ask whether and why one person is counted: it is checked, hashed with the
/// installation's pseudonym key as an import hashes it, looked up, and forgotten (never stored, logged or shown again). Every
/// view and look-up is appended to the audit log with the short pseudonyms of the persons shown.
/// </summary>
internal static class ExplanationPages
{
    public const string Path = "/malekort/forklaring";
    public const string NumberField = "fodselsnummer";

    public static IEndpointRouteBuilder MapExplanations(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Get);
        app.MapPost(Path, Lookup);
        return app;
    }

    /// <summary>The address of an explanation.</summary>
    public static string Link(UnitCode unit, Month month, string indicator, CountedSide side) =>
        $"{Path}?enhet={Uri.EscapeDataString(unit.Value)}&maned={month}&indikator={Uri.EscapeDataString(indicator)}&del={ExplainTexts.SideParameter(side)}";

    private static IResult Get(HttpContext context, ScorecardState state, Viewer viewer, IMalekortStore store, IAntiforgery antiforgery,
        TimeProvider clock, Query<UnitCode> enhet, Query<Month> maned, Query<IndicatorDefinition> indikator, string? del)
    {
        var snapshot = state.For(viewer);
        if (Asked(context, snapshot, enhet, maned, indikator, del, out var refusal) is not { } explanation) return refusal;
        var pseudonyms = Pseudonyms(store, explanation.Unit, explanation.Members.Select(m => m.PersonId).ToList());
        var persons = ExplanationView.Lines(explanation, pseudonyms);
        Audit(context, store, clock, viewer, explanation, AuditAction.Explanation, [.. persons.Select(p => p.Pseudonym)]);
        return Page.Result<ExplanationPage, ExplanationView>(View(context, snapshot, antiforgery, explanation, persons, null));
    }

    private static async Task<IResult> Lookup(HttpContext context, ScorecardState state, Viewer viewer, IMalekortStore store,
        IAntiforgery antiforgery, TimeProvider clock, MalekortWebOptions options)
    {
        var snapshot = state.For(viewer);
        var (form, refused) = await PostedForm.ReadAsync(context, snapshot, antiforgery, "Ingen er slått opp.");
        if (form is null) return refused!;
        if (Asked(context, snapshot, Query<UnitCode>.Read("enhet", form["enhet"]), Query<Month>.Read("maned", form["maned"]),
                Query<IndicatorDefinition>.Read("indikator", form["indikator"]), form["del"], out var refusal) is not { } explanation)
            return refusal;
        string? number = form[NumberField];
        if (FodselsnummerInput.Problem(number) is { } problem)
            return Answer(new LookupAnswer(problem, null, null), StatusCodes.Status400BadRequest);
        if (options.PseudonymKey is not { } key)
        {
            return Answer(new LookupAnswer("Oppslag på fødselsnummer er ikke mulig her: serveren er startet uten pseudonymnøkkelen (serve --key).",
                null, null), StatusCodes.Status503ServiceUnavailable);
        }
        // Hashed exactly as an import hashes it, so it finds the person the extracts named; the number goes no further.
        var id = store.PersonId(explanation.Unit, new Pseudonymizer(key).Of(number!.Trim()));
        var unitName = snapshot.NameOf(explanation.Unit);
        if (id is not { } personId)
        {
            Audit(context, store, clock, viewer, explanation, AuditAction.PersonLookup, []);
            return Answer(new LookupAnswer(null, $"Ingen person med dette fødselsnummeret finnes i dataene for {unitName}.", null));
        }
        var pseudonym = ShortPseudonym.Of(store.PersonKeys(explanation.Unit, [personId])[personId]);
        Audit(context, store, clock, viewer, explanation, AuditAction.PersonLookup, [pseudonym]);
        var side = ExplainTexts.SideName(explanation.Side);
        var month = NorwegianFormat.Month(explanation.Month);
        if (explanation.Count is null)
            return Answer(new LookupAnswer(null, $"Personen {pseudonym} finnes i dataene for {unitName}, men {explanation.Indicator} er ikke beregnet for {month}.", null));
        return explanation.Members.FirstOrDefault(m => m.PersonId == personId) is { } member
            ? Answer(new LookupAnswer(null, $"Personen {pseudonym} er telt i {side} for {explanation.Indicator} i {month}, fordi:",
                ExplanationView.Line(explanation, member, pseudonym)))
            : Answer(new LookupAnswer(null, $"Personen {pseudonym} finnes i dataene for {unitName}, men er ikke telt i {side} for "
                + $"{explanation.Indicator} i {month}: regelen gjelder ikke for personen denne måneden.", null));

        IResult Answer(LookupAnswer answer, int status = StatusCodes.Status200OK) =>
            Page.Result<ExplanationPage, ExplanationView>(View(context, snapshot, antiforgery, explanation, null, answer), status);
    }

    /// <summary>
    /// The explanation asked for, after every check in order: the parameters, the viewer's right to see the unit's persons,
    /// the month, and whether the side counts persons. Null, with the answer in <paramref name="refusal"/>, when a check fails.
    /// </summary>
    private static CountExplanation? Asked(HttpContext context, ScorecardSnapshot snapshot, Query<UnitCode> unit, Query<Month> month,
        Query<IndicatorDefinition> indicator, string? sideText, out IResult refusal)
    {
        refusal = Results.Empty;
        foreach (var asked in new IQueryParameter[] { unit, month, indicator })
        {
            if (asked.Text is null) return Refuse(out refusal, Errors.Page(snapshot, StatusCodes.Status400BadRequest, QueryParameters.Missing(asked.Name)));
            if (asked.Error is { } error) return Refuse(out refusal, Errors.Page(snapshot, StatusCodes.Status400BadRequest, error));
        }
        CountedSide side;
        switch (sideText)
        {
            case null or "" or "teller": side = CountedSide.Numerator; break;
            case "nevner": side = CountedSide.Denominator; break;
            default:
                return Refuse(out refusal, Errors.Page(snapshot, StatusCodes.Status400BadRequest, $"Parameteren «del» er «{sideText}»; forventet «teller» eller «nevner»."));
        }
        if (!Scopes.MayExplain(snapshot.Viewer, unit.Value, snapshot.Offices))
        {
            return Refuse(out refusal, Refusals.Forbidden(context,
                $"Bare NAV-kontoret som betjener {snapshot.NameOf(unit.Value)} kan se hvem som er telt i enhetens tall."));
        }
        if (snapshot.Results is not { } results || !results.Months.Contains(month.Value))
        {
            return Refuse(out refusal, Errors.Page(snapshot, StatusCodes.Status404NotFound, snapshot.Results is { } r
                ? QueryParameters.OutsideMonths(month.Name, month.Value, r.Months) : "Ingen data er importert ennå."));
        }
        if (snapshot.Explain(unit.Value, month.Value, indicator.Value.Code, side) is not { } explanation)
        {
            return Refuse(out refusal, Errors.Page(snapshot, StatusCodes.Status400BadRequest,
                $"{indicator.Value.Code} teller ikke personer i {ExplainTexts.SideName(side)}, så det er ingen personer å vise."));
        }
        return explanation;
    }

    private static CountExplanation? Refuse(out IResult refusal, IResult result)
    {
        refusal = result;
        return null;
    }

    private static ExplanationView View(HttpContext context, ScorecardSnapshot snapshot, IAntiforgery antiforgery, CountExplanation explanation,
        IReadOnlyList<PersonLine>? persons, LookupAnswer? lookup)
    {
        var other = explanation.Side == CountedSide.Numerator ? CountedSide.Denominator : CountedSide.Numerator;
        return new ExplanationView(snapshot.NameOf(explanation.Unit), explanation.Unit, explanation.Month, NorwegianFormat.Month(explanation.Month),
            IndicatorCatalog.Get(explanation.Indicator), explanation.Side,
            IndicatorEngine.Explains(explanation.Indicator, other) ? Link(explanation.Unit, explanation.Month, explanation.Indicator, other) : null,
            explanation.Count, persons, antiforgery.GetAndStoreTokens(context), lookup,
            Selection.Of(snapshot, explanation.Unit, explanation.Month), PageFooter.Of(snapshot));
    }

    private static Dictionary<long, string> Pseudonyms(IMalekortStore store, UnitCode unit, IReadOnlyCollection<long> ids) =>
        store.PersonKeys(unit, ids).ToDictionary(p => p.Key, p => ShortPseudonym.Of(p.Value));

    private static void Audit(HttpContext context, IMalekortStore store, TimeProvider clock, Viewer viewer, CountExplanation explanation,
        AuditAction action, IReadOnlyList<string> persons) =>
        store.AppendAudit(new AuditEntry(clock.GetUtcNow(), context.User.UserName(), viewer.Role, explanation.Unit, explanation.Month,
            explanation.Indicator, action, persons));
}
