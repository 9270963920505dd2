using System.Globalization;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;
using Malekort.Web.Exports;

namespace Malekort.Web.Parameters;

/// <summary>
/// Reads parameters (query strings, form fields, JSON fields) for pages and API alike, and writes every Norwegian error about
/// them: which parameter, what was found and what is expected. The one place these words are.
/// </summary>
internal static class QueryParameters
{
    private delegate bool Reader<T>(string text, out T value);

    // Every type a parameter can have: how its text is read, and what the error says the text must be.
    private static readonly Dictionary<Type, (Delegate Read, string Expected)> Types = new()
    {
        [typeof(Month)] = ((Reader<Month>)((string text, out Month month) => Month.TryParse(text, out month)),
            "en måned på formen ÅÅÅÅ-MM (for eksempel 2024-12)"),
        [typeof(UnitCode)] = ((Reader<UnitCode>)UnitCode.TryParse,
            "en enhetskode (kommune 4 siffer, bydel 6 siffer, fylke 2 siffer, landet 0 eller NAV-kontor NAV-nnnn)"),
        [typeof(IndicatorDefinition)] = ((Reader<IndicatorDefinition>)((string text, out IndicatorDefinition definition) =>
            (definition = IndicatorCatalog.Find(text)!) is not null), "en indikatorkode (for eksempel BL151 eller B.101)"),
        [typeof(ExportFormat)] = ((Reader<ExportFormat>)ExportFormats.TryParse, ExportFormats.Expected),
        [typeof(int)] = ((Reader<int>)((string text, out int number) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number)), "et helt tall"),
    };

    /// <summary>Whether <paramref name="type"/> is a type a parameter can have.</summary>
    public static bool CanRead(Type type) => Types.ContainsKey(type);

    /// <summary>What a parameter of the type must be, in the words of its error (and of the API documentation).</summary>
    public static string Expected(Type type) => Types[type].Expected;

    /// <summary>Reads the (trimmed) text as <typeparamref name="T"/>; otherwise the error names the parameter and what it must be.</summary>
    public static bool TryRead<T>(string parameter, string text, out T value, out string error)
    {
        var (read, expected) = Types[typeof(T)];
        if (((Reader<T>)read)(text.Trim(), out value))
        {
            error = "";
            return true;
        }
        error = $"Parameteren «{parameter}» må være {expected}, men var «{text}»." + (typeof(T) == typeof(UnitCode) ? NearestUnits(text) : "");
        return false;
    }

    // A name or a mistyped code names the nearest units of SSB's register (issue 9, item 8); the offices are the
    // installation's and are checked where the snapshot is (UnitParameter).
    private static string NearestUnits(string text) =>
        new UnitLookup(UnitRegister.Default, OfficeRegister.Empty).NearestKnown(text, UnitLookup.AnyKind) is { Count: > 0 } nearest
            ? $" Nærmeste kjente: {string.Join(", ", nearest)}."
            : "";

    public static string Missing(string parameter) => $"Parameteren «{parameter}» mangler.";

    public static string OutsideRange(string parameter, int first, int last, string text) =>
        $"Parameteren «{parameter}» må være et helt tall fra {first} til {last}, men var «{text}».";

    public static string OutsideMonths(string parameter, Month month, MonthRange months) =>
        $"Parameteren «{parameter}» er {month}, men det finnes bare beregnede måneder fra {months.First} til {months.Last}.";

    public static string Before(string parameter, Month month, string other, Month otherMonth) =>
        $"Parameteren «{parameter}» ({month}) er før «{other}» ({otherMonth}).";

    public static string NoData(string parameter, UnitCode unit) =>
        $"Enheten {unit} i parameteren «{parameter}» har ingen data.";

    public static string NoUnitNamed(string parameter, string text) =>
        $"Fant ingen enhet med navnet eller nummeret «{text.Trim()}» (parameteren «{parameter}»). Skriv navnet eller nummeret, og velg fra listen.";

    public static string SeveralUnitsNamed(string parameter, string text, IEnumerable<string> labels) =>
        $"Flere enheter heter «{text.Trim()}» (parameteren «{parameter}»): {string.Join(" og ", labels)}. Velg én fra listen.";

    public static string NotAnOffice(string parameter, UnitCode unit) =>
        $"Kontorregisteret har ikke {unit} (parameteren «{parameter}»).";
}
