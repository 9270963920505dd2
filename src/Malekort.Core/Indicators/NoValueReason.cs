namespace Malekort.Indicators;

/// <summary>Why an indicator has no value for a unit and month. Empty is never 0 (spec "Values, aggregation and display").</summary>
public enum NoValueReason
{
    /// <summary>There is a value.</summary>
    None,
    /// <summary>No batch covering the month carries the part the numerator counts.</summary>
    NotCaptured,
    /// <summary>The rule looks back past the first captured month (<see cref="ValueNotes.ShortHistory"/>).</summary>
    ShortHistory,
    /// <summary>The numerator is there but the denominator is not (no population figure).</summary>
    NoDenominator,
    /// <summary>The denominator is 0: a share of nothing.</summary>
    ZeroDenominator,
    /// <summary>Hidden for confidentiality outside the unit's own office.</summary>
    Suppressed,
    /// <summary>The source gives the count only for the whole year, shown on December (<see cref="ValueNotes.YearlyCount"/>).</summary>
    YearlyOnly,
    /// <summary>This version of the definition does not apply in the month (<see cref="ValueNotes.NotInForce"/>).</summary>
    NotInForce,
}

/// <summary>The one place a reason's code (for machines) and Norwegian words (for people) are written.</summary>
public static class NoValueReasons
{
    /// <summary>The reason as JSON names it, e.g. <c>shortHistory</c>; null when there is a value.</summary>
    public static string? Code(NoValueReason reason) => reason switch
    {
        NoValueReason.NotCaptured => "notCaptured",
        NoValueReason.ShortHistory => "shortHistory",
        NoValueReason.NoDenominator => "noDenominator",
        NoValueReason.ZeroDenominator => "zeroDenominator",
        NoValueReason.Suppressed => "suppressed",
        NoValueReason.YearlyOnly => "yearlyOnly",
        NoValueReason.NotInForce => "notInForce",
        _ => null,
    };

    /// <summary>The reason in a few Norwegian words, as the page and the CLI show it in place of the value.</summary>
    public static string Text(NoValueReason reason) => reason switch
    {
        NoValueReason.NotCaptured => "mangler data",
        NoValueReason.ShortHistory => "for kort historikk",
        NoValueReason.NoDenominator => "mangler nevner",
        NoValueReason.ZeroDenominator => "ingen verdi (nevneren er 0)",
        NoValueReason.Suppressed => "skjermet",
        NoValueReason.YearlyOnly => "bare årstall (vises i desember)",
        NoValueReason.NotInForce => "versjonen gjelder ikke",
        _ => "",
    };

    /// <summary>The reason explained in a sentence.</summary>
    public static string Explanation(NoValueReason reason) => reason switch
    {
        NoValueReason.NotCaptured => "Ingen leveranse for måneden har dataene indikatoren teller.",
        NoValueReason.ShortHistory => "Ikke beregnet: regelen ser tilbake på måneder som ikke er fanget (de 12 siste for " +
            "langtidsmottakere, de 3 siste for B10, forrige måned for tilgang og avgang).",
        NoValueReason.NoDenominator => "Nevneren mangler: det finnes ikke befolkningstall for enheten.",
        NoValueReason.ZeroDenominator => "Nevneren er 0, så andelen finnes ikke.",
        NoValueReason.Suppressed => "Skjermet («:»): vises ikke utenfor enhetens eget NAV-kontor.",
        NoValueReason.YearlyOnly => "KOSTRA oppgir sanksjoner bare for hele året, uten dato: årstallet vises i desember.",
        NoValueReason.NotInForce => "Denne versjonen av definisjonen gjelder ikke for måneden.",
        _ => "",
    };
}
