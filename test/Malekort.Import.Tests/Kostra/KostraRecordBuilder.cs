using System.Globalization;
using System.Text;
using Malekort.Capture;
using Malekort.Import.Pseudonyms;

namespace Malekort.Import.Kostra;

/// <summary>
/// Builds a KOSTRA record from the reader's own field tables, so a test names fields, never positions. Text is
/// left-aligned and padded with spaces; integers are right-aligned and zero-padded, as SSB's real files write them.
/// </summary>
/// <remarks>
/// <see cref="Apply"/> takes edits written <c>FIELD=value;FIELD=value</c>: an empty value blanks the field, a value starting
/// with <c>'</c> is written raw (left-aligned), <c>BORN=yyyy-MM-dd</c> sets FODSELSDATO (when the layout has it) and a
/// matching synthetic fødselsnummer.
/// </remarks>
internal sealed class KostraRecordBuilder
{
    private readonly char[] chars;

    public KostraRecordBuilder(KostraLayout layout)
    {
        Layout = layout;
        chars = new string(' ', layout.RecordLength).ToCharArray();
    }

    public KostraLayout Layout { get; }

    /// <summary>A valid 11F recipient: born 19.09.1966, VKLO 5, ARBSIT 04, stønad January–June, BIDRAG 60 000 = 6 × 10 000.</summary>
    public static KostraRecordBuilder Sosialhjelp(int year, string unit = "3107")
    {
        var b = new KostraRecordBuilder(LayoutOf(KostraSkjema.OkonomiskSosialhjelp, year)).Unit(unit)
            .Born(new DateOnly(1966, 9, 19))
            .Apply("PERSON_JOURNALNR=J0000001;KJONN=1;EKTSTAT=1;BU18=2;VKLO=5;TRYGDESIT=12;ARBSIT=04;BIDRAG=60000;LAAN=0;"
                + "GITT_OKONOMIRAD=2;FAAT_INDIVIDUELL_PLAN=2;SAKSBEHANDLER=per0000102;BOSIT=1;VILKARSOSLOV=2;VILKARSAMEKT=2");
        return b.Months(1, 2, 3, 4, 5, 6).Apply("BIDRAG_JAN=10000;BIDRAG_FEB=10000;BIDRAG_MARS=10000;BIDRAG_APRIL=10000;"
            + "BIDRAG_MAI=10000;BIDRAG_JUNI=10000");
    }

    /// <summary>A valid 11CF participant: born 19.09.1966, registered 15.01, decision 01.02, start 01.03, still in the programme.</summary>
    public static KostraRecordBuilder Kvalifisering(int year, string unit = "3107")
    {
        var b = new KostraRecordBuilder(LayoutOf(KostraSkjema.Kvalifiseringsstonad, year)).Unit(unit)
            .Born(new DateOnly(1966, 9, 19))
            .Apply("PERSON_JOURNALNR=K0000001;KJONN=2;EKTSTAT=1;BU18=2;KVP_KOMM=2;YTELSE_SOSHJELP=1;YTELSE_TYPE_SOSHJ=2;"
                + "KVP_MED_ASTONAD=2;KVP_STONAD=200000;STATUS=1;SAKSBEHANDLER=per0000102")
            .Date("REG_DATO", new DateOnly(year, 1, 15)).Date("VEDTAK_DATO", new DateOnly(year, 2, 1))
            .Date("BEGYNT_DATO", new DateOnly(year, 3, 1));
        return b.Months(3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    public static KostraLayout LayoutOf(KostraSkjema skjema, int year) =>
        KostraLayouts.For(skjema, year) ?? throw new ArgumentOutOfRangeException(nameof(year), year, "Ingen feltbeskrivelse.");

    /// <summary>KOMMUNE_NR, BYDELSNR (for a six-digit Oslo district) and VERSION from the layout's year.</summary>
    public KostraRecordBuilder Unit(string unit) =>
        Text("KOMMUNE_NR", unit[..4]).Text("BYDELSNR", unit.Length == 6 ? unit[4..] : "")
            .Text("VERSION", (Layout.Year % 100).ToString("D2", CultureInfo.InvariantCulture));

    /// <summary>FODSELSDATO (from 2025) and a synthetic fødselsnummer (month + 80) for the birth date.</summary>
    public KostraRecordBuilder Born(DateOnly birth, int individual = 123)
    {
        if (Has("FODSELSDATO")) Date("FODSELSDATO", birth);
        return Text("PERSON_FODSELSNR", Synthetic(birth, individual));
    }

    /// <summary>A synthetic fødselsnummer with an individual number that fits the birth year's century.</summary>
    public static string Synthetic(DateOnly birth, int individual = 123) =>
        Fodselsnummer.Create(birth, birth.Year >= 2000 ? 500 + individual % 500 : individual % 500, synthetic: true);

    /// <summary>Ticks STMND_n for each month (the field holds the month number).</summary>
    public KostraRecordBuilder Months(params int[] months)
    {
        foreach (var m in months) Text(Invariant($"STMND_{m}"), m.ToString("D2", CultureInfo.InvariantCulture));
        return this;
    }

    public KostraRecordBuilder Apply(string edits)
    {
        foreach (var edit in edits.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = edit.IndexOf('=', StringComparison.Ordinal);
            var (field, value) = (edit[..at], edit[(at + 1)..]);
            if (field == "BORN") Born(DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture));
            else if (value.StartsWith('\'')) Text(field, value[1..]);
            else if (Spec(field).Type == FieldType.Integer && value.Length > 0 && value.All(char.IsAsciiDigit))
                Text(field, value.PadLeft(Spec(field).Length, '0'));
            else Text(field, value);
        }
        return this;
    }

    public KostraRecordBuilder Text(string field, string value)
    {
        var spec = Spec(field);
        if (value.Length > spec.Length)
            throw new ArgumentException(Invariant($"{value} er lengre enn {field} ({spec.Length} tegn)."), nameof(value));
        value.PadRight(spec.Length).CopyTo(0, chars, spec.Start, spec.Length);
        return this;
    }

    /// <summary>A date as the field's width writes it: ddMMyyyy or ddMMyy.</summary>
    public KostraRecordBuilder Date(string field, DateOnly date) =>
        Text(field, date.ToString(Spec(field).Length == 8 ? "ddMMyyyy" : "ddMMyy", CultureInfo.InvariantCulture));

    public bool Has(string field) => Layout.InFileOrder.Any(f => f.Name == field);

    public override string ToString() => new(chars);

    private FieldSpec Spec(string field) => Layout.InFileOrder.FirstOrDefault(f => f.Name == field)
        ?? throw new ArgumentException(Invariant($"{Layout.Skjema.Code()} {Layout.Year} har ikke feltet {field}."), nameof(field));

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

/// <summary>The reader as the product builds it, with a fixed test key and a fixed clock, and files made of built records.</summary>
internal static class KostraFixture
{
    /// <summary>The import time every test batch gets: 1 March 2026, after the 2025 årgang was delivered.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static Pseudonymizer Pseudonyms { get; } =
        new(PseudonymKey.FromBytes(Enumerable.Range(1, PseudonymKey.Length).Select(i => (byte)(i * 3)).ToArray()));

    public static KostraReader Reader(DateTimeOffset? now = null) => new(Pseudonyms, new FixedClock(now ?? Now));

    /// <summary>The bytes of a file of these records: ISO-8859-1, CRLF after each.</summary>
    public static byte[] File(params object[] records) =>
        Encoding.Latin1.GetBytes(string.Concat(records.Select(r => r + "\r\n")));

    /// <summary>Reads a file of the records (builders or strings), named <c>KOSTRA_test.dat</c>.</summary>
    public static ReadResult<CaptureBatch> Read(params object[] records) => Reader().Read("KOSTRA_test.dat", File(records));

    /// <summary>Every finding, one per line, so an assertion failure shows what the reader said.</summary>
    public static string Describe<T>(ReadResult<T> result) => string.Join("\n", result.Findings);

    internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
