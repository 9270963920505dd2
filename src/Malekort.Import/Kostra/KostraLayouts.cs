namespace Malekort.Import.Kostra;

/// <summary>The layouts the reader knows, by skjema and reporting year.</summary>
internal static class KostraLayouts
{
    /// <summary>The first and last reporting years with a known layout. Older years had other layouts (11F 2023 had DISTRIKTSNR).</summary>
    public const int FirstYear = 2024;

    /// <inheritdoc cref="FirstYear"/>
    public const int LastYear = 2026;

    private static readonly KostraLayout[] All =
    [
        SosialhjelpLayouts.Y2024, SosialhjelpLayouts.Y2025, SosialhjelpLayouts.Y2026,
        KvalifiseringLayouts.Y2024, KvalifiseringLayouts.Y2025, KvalifiseringLayouts.Y2026,
    ];

    /// <summary>The layout of the skjema for the reporting year, or null when the reader does not know that year.</summary>
    public static KostraLayout? For(KostraSkjema skjema, int year) =>
        Array.Find(All, l => l.Skjema == skjema && l.Year == year);

    /// <summary>The latest layout of the skjema whose records have this length, or null.</summary>
    public static KostraLayout? ByLength(KostraSkjema skjema, int length) =>
        Array.FindLast(All, l => l.Skjema == skjema && l.RecordLength == length);

    /// <summary>The skjema whose records have this length in some known year, or null (the lengths never coincide).</summary>
    public static KostraSkjema? SkjemaOfLength(int length) => Array.Find(All, l => l.RecordLength == length)?.Skjema;

    /// <summary>The record lengths of the skjema, for messages: <c>324 (2024) eller 338 (2025–2026)</c>.</summary>
    public static string LengthsOf(KostraSkjema skjema) => skjema == KostraSkjema.OkonomiskSosialhjelp
        ? "324 (årgang 2024) eller 338 (årgang 2025–2026)"
        : "136 (årgang 2024) eller 152 (årgang 2025–2026)";
}
