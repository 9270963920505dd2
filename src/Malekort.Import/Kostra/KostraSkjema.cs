namespace Malekort.Import.Kostra;

/// <summary>The two KOSTRA forms (skjema) the reader knows.</summary>
public enum KostraSkjema
{
    /// <summary>Skjema 11F, økonomisk sosialhjelp: one record per recipient per year.</summary>
    OkonomiskSosialhjelp,
    /// <summary>Skjema 11CF, kvalifiseringsstønad: one record per KVP participation per year.</summary>
    Kvalifiseringsstonad,
}

/// <summary>Names of the forms as SSB and the batch header write them.</summary>
internal static class KostraSkjemaNames
{
    /// <summary>SSB's code: <c>11F</c> or <c>11CF</c>.</summary>
    public static string Code(this KostraSkjema skjema) => skjema == KostraSkjema.OkonomiskSosialhjelp ? "11F" : "11CF";

    /// <summary>The format in <see cref="Malekort.Capture.BatchHeader.Format"/>: <c>kostra-11F</c> or <c>kostra-11CF</c>.</summary>
    public static string FormatName(this KostraSkjema skjema) => "kostra-" + skjema.Code();
}
