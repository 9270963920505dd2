using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Web.Scorecard;

/// <summary>Reads query parameters for pages and API alike; every error says which parameter, what was found and what is expected.</summary>
internal static class QueryParameters
{
    public static bool TryUnit(string parameter, string text, out UnitCode unit, out string error)
    {
        error = "";
        if (UnitCode.TryParse(text.Trim(), out unit)) return true;
        error = $"Parameteren «{parameter}» må være en enhetskode (kommune 4 siffer, bydel 6 siffer, fylke 2 siffer, landet 0 " +
            $"eller NAV-kontor NAV-nnnn), men var «{text}».";
        return false;
    }

    public static bool TryMonth(string parameter, string text, out Month month, out string error)
    {
        error = "";
        if (Month.TryParse(text.Trim(), out month)) return true;
        error = $"Parameteren «{parameter}» må være en måned på formen ÅÅÅÅ-MM (for eksempel 2024-12), men var «{text}».";
        return false;
    }

    public static bool TryIndicator(string parameter, string text, out IndicatorDefinition definition, out string error)
    {
        error = "";
        if (IndicatorCatalog.Find(text.Trim()) is { } found)
        {
            definition = found;
            return true;
        }
        definition = IndicatorCatalog.All[0];
        error = $"Parameteren «{parameter}» må være en indikatorkode (for eksempel BL151 eller B.101), men var «{text}».";
        return false;
    }

    public static string OutsideMonths(string parameter, Month month, MonthRange months) =>
        $"Parameteren «{parameter}» er {month}, men det finnes bare beregnede måneder fra {months.First} til {months.Last}.";

    public static string NoData(string parameter, UnitCode unit) =>
        $"Enheten {unit} i parameteren «{parameter}» har ingen data.";
}
