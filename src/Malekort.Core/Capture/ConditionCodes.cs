namespace Malekort.Capture;

/// <summary>A code of a KOSTRA code list and its Norwegian text.</summary>
/// <param name="Code">The code as KOSTRA and the capture format write it, e.g. <c>16</c>.</param>
/// <param name="Name">Its text (nb), as SSB's file description has it.</param>
public sealed record KostraCode(string Code, string Name);

/// <summary>
/// The KOSTRA 11F code lists of conditions, exemptions from the activity duty and sanctions (<c>kostra-11F-11CF.md</c> §2.1;
/// capture format <c>conditions.csv</c>, <c>activity_exemptions.csv</c>, <c>sanctions.csv</c>), in the form's field order.
/// The capture reader checks codes against these, the KOSTRA mapping and the generator write them, the scorecard names them:
/// one table, so they cannot drift apart. Which conditions count as activity is an indicator rule
/// (<c>IndicatorRules.IsActivityCondition</c>), not a property of the code.
/// </summary>
public static class ConditionCodes
{
    /// <summary>VILKARARBEID … VILKARNORSKSAMISKOPPL: "Hvilke vilkår (flere kryss mulig)".</summary>
    public static IReadOnlyList<KostraCode> Conditions { get; } =
    [
        new("16", "arbeidstrening/arbeidspraksis"),
        new("17", "arbeidsrettede kurs/opplæring/jobbsøkingskurs"),
        new("04", "benytte rett til skole"),
        new("06", "registrere seg som arbeidssøker/føre jobblogg"),
        new("07", "ta imot konkret jobbtilbud"),
        new("08", "møte til veiledningssamtaler"),
        new("10", "gjøre gjeldende andre økonomiske rettigheter"),
        new("18", "realisere formuesgoder/redusere boutgifter"),
        new("14", "oppsøke helsetjenester/lege"),
        new("15", "annet"),
        new("19", "digital aktivitetsplan"),
        new("20", "norsk- eller samiskopplæring"),
    ];

    /// <summary>VEDTAKARB … VEDTAKGRUNN: the grounds of an exemption from § 20a.</summary>
    public static IReadOnlyList<KostraCode> ExemptionGrounds { get; } =
    [
        new("01", "i arbeid"),
        new("02", "allerede i aktivitet (statlig eller annen kommunal ytelse)"),
        new("03", "helsemessig eller sosial situasjon hindrer aktivitet"),
        new("04", "andre tungtveiende grunner"),
    ];

    /// <summary>SANKSJONRED, SANKSJONANDRE: consequences of a broken condition (§ 20 / § 20a).</summary>
    public static IReadOnlyList<KostraCode> SanctionKinds { get; } =
    [
        new("01", "redusert stønad"),
        new("02", "andre konsekvenser"),
    ];

    /// <summary>The position of <paramref name="code"/> in <paramref name="list"/>, or -1: the bit a code set stores it as.</summary>
    public static int IndexOf(IReadOnlyList<KostraCode> list, ReadOnlySpan<char> code)
    {
        ArgumentNullException.ThrowIfNull(list);
        for (var i = 0; i < list.Count; i++)
            if (code.SequenceEqual(list[i].Code)) return i;
        return -1;
    }

    /// <summary>The codes of <paramref name="list"/> as bits by position (codes not in the list are left out).</summary>
    public static int Bits(IReadOnlyList<KostraCode> list, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var bits = 0;
        foreach (var code in codes)
        {
            var index = IndexOf(list, code);
            if (index >= 0) bits |= 1 << index;
        }
        return bits;
    }
}
