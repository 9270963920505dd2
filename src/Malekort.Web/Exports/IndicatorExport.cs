using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Web.Scorecard;
using Malekort.Web.State;
using Column = Malekort.Web.Exports.ExportColumn<Malekort.Web.Exports.IndicatorExportRow>;

namespace Malekort.Web.Exports;

/// <summary>One indicator of one unit and month, as the scorecard shows it to the request's viewer.</summary>
public sealed record IndicatorExportRow(UnitChoice Unit, Month Month, IndicatorRow Row);

/// <summary>
/// Every table of indicator values the server gives (the scorecard, the comparison, <c>/api/indikatorer</c>), declared once:
/// CSV, xlsx, JSON rows and JSON-stat are all written from these columns. Values are the viewer's: a suppressed part is «:» in
/// CSV and xlsx, null in JSON (with <c>suppressed</c> true and status <c>suppressed</c>) and null with status «:» in JSON-stat;
/// no value is empty, never 0.
/// </summary>
internal static class IndicatorExport
{
    // Machine formats keep six decimals: enough to recompute any share by hand (as the CLI's CSV).
    private const int Decimals = 6;

    // «:» where a format writes text: the same words for every column that a suppression empties.
    private const string WhenHidden = "«:» i CSV og xlsx (null i JSON) når den er skjermet";

    public static ExportTable<IndicatorExportRow> Table { get; } = new("Indikatorer",
    [
        Column.Text("unit", "Enhetskode",
            "Enhetens kode: kommune (3107), bydel (030101), fylke (31), landet (0) eller NAV-kontor (NAV-0106).",
            r => r.Unit.Code.Value),
        Column.Text("unitName", "Enhet", "Enhetens navn.", r => r.Unit.Name),
        Column.Text("month", "Måned", "Måneden, ÅÅÅÅ-MM.", r => r.Month.ToString()),
        Column.Text("indicator", "Indikatorkode", "Indikatorens kode (BL151, B.101 …).", r => r.Row.Definition.Code),
        Column.Text("indicatorName", "Indikator", "Indikatorens navn.", r => r.Row.Definition.Name),
        Column.Decimal("value", "Verdi",
            $"Verdien (antall, prosent eller dager); tom når den ikke er fanget eller ikke beregnet, {WhenHidden}.",
            Decimals, r => r.Row.Value.Value, Hidden),
        Column.Text("reason", "Hvorfor ingen verdi",
            "Hvorfor verdien er tom: notCaptured, shortHistory, noDenominator, zeroDenominator, suppressed eller yearlyOnly; " +
            "tom når det er en verdi.",
            r => NoValueReasons.Code(r.Row.Value.Reason)),
        Column.Integer("numerator", "Teller", $"Telleren; tom når den ikke er fanget, {WhenHidden}.", r => r.Row.Value.Numerator, Hidden),
        Column.Integer("denominator", "Nevner", $"Nevneren (1 for antall); tom når den ikke er fanget, {WhenHidden}.",
            r => r.Row.Value.Denominator, Hidden),
        Column.Text("status", "Statuskode",
            "Fargen etter grenseverdiene: green, yellow, red; none uten grenseverdi; incomplete når summen mangler enheter; " +
            "grey uten verdi; suppressed når skjermet.",
            r => Texts.StatusCode(r.Row.Status)),
        Column.Text("statusText", "Status", "Statusen i ord.", r => Texts.Status(r.Row.Status)),
        Column.Text("thresholdDirection", "Retning", "higherIsBetter eller lowerIsBetter; tom uten grenseverdi.",
            r => r.Row.Threshold.Threshold is { } t ? (t.Direction == Direction.HigherIsBetter ? "higherIsBetter" : "lowerIsBetter") : null),
        Column.Decimal("thresholdGreen", "Grønn grense", "Grensen for grønt; tom uten grenseverdi.", Decimals,
            r => (double?)r.Row.Threshold.Threshold?.Green),
        Column.Decimal("thresholdRed", "Rød grense", "Grensen for rødt; tom uten grenseverdi.", Decimals,
            r => (double?)r.Row.Threshold.Threshold?.Red),
        Column.Text("thresholdSetBy", "Grense satt av", "Hvem som satte grenseverdien.", r => r.Row.Threshold.Threshold?.SetBy),
        Column.Decimal("target", "Mål", "Målet (måltallet) for måneden; tomt uten mål.", Decimals, r => (double?)r.Row.Target?.Value),
        Column.Decimal("attainment", "Måloppnåelse (%)",
            "I indikatorens retning: verdi ÷ mål × 100 der høyere er bedre, mål ÷ verdi × 100 der lavere er bedre; " +
            $"tom uten mål eller verdi, {WhenHidden}.",
            Decimals, r => r.Row.Attainment?.Percent, r => r.Row.Target is not null && Hidden(r)),
        Column.Text("attainmentText", "Nådd mål",
            "nådd, ikke nådd eller ikke vurdert: ufullstendig (i indikatorens retning); tom uten mål eller verdi.",
            r => r.Row.Attainment?.Words),
        Column.Text("definitionVersion", "Definisjonsversjon", "Versjonen av indikatordefinisjonene verdien er beregnet etter.",
            _ => IndicatorDefinition.DefinitionVersion),
        Column.Boolean("incomplete", "Ufullstendig",
            "Dekning: om summen mangler noen av enhetens kommuner og bydeler (da vises den uten farge).", r => r.Row.Value.IsIncomplete),
        Column.Integer("unitsIncluded", "Enheter med data",
            "Dekning: hvor mange av enhetens kommuner og bydeler som har data (1 for én enhet med data).",
            r => r.Row.Value.UnitsIncluded),
        Column.Integer("unitsTotal", "Enheter i alt", "Dekning: hvor mange kommuner og bydeler enheten består av (1 for én enhet).",
            r => r.Row.Value.UnitsTotal),
        Column.Boolean("suppressed", "Skjermet", "Om verdien er skjermet for denne brukeren (små tall utenfor eget NAV-kontor).",
            r => r.Row.IsSuppressed),
        Column.Boolean("manual", "Manuelt registrert",
            "Om verdien (eller for en sum noen av enhetenes verdier) er skrevet inn for hånd for en måned uten innsamlede data.",
            r => r.Row.Value.Notes.HasFlag(ValueNotes.Manual)),
        Column.Text("source", "Kilde",
            "lokal: tallene er fanget i et Målekort; kostra: en sentral instans har tatt dem (for en sum noen av enhetenes) fra KOSTRA-aggregater.",
            r => Texts.SourceCode(r.Row.Value)),
        Column.Text("notes", "Merknader",
            "Merknadskoder skilt med mellomrom: suppressed, manual, kostra, manualReplaced, olderPopulation, partialWindow, approximateFamily, partialCoverage.",
            r => string.Join(' ', Texts.CodedNotes(r.Row.Value).Select(n => n.Code))),
    ]);

    // An empty number of a suppressed row is empty because of the suppression (a public SSB population stays a number).
    private static bool Hidden(IndicatorExportRow row) => row.Row.IsSuppressed;

    public static JsonStatShape<IndicatorExportRow> Shape { get; } =
        IndicatorCube.Shape(Table, r => r.Unit.Name, r => r.Month, r => r.Row.Definition, r => r.Row.Value);
}
