using Malekort.Confidentiality;
using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>
/// Own indicators' formulas (issue 11 item 6) are read and checked with a Norwegian message at the column where the problem is:
/// syntax, unknown codes (with the nearest known), shares used as counts, circular references, and a division anywhere but the top
/// (<c>docs/decisions.md</c>, «Egne indikatorer»). What checks compiles into a count or a share over the national counts.
/// </summary>
public sealed class FormulaTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly UnitCode Fredrikstad = UnitCode.Parse("3107");
    private static readonly UnitCode Moss = UnitCode.Parse("3103");

    private static OwnIndicator Own(string code, string formula, UnitCode? owner = null) =>
        new(code, code, "", Direction.HigherIsBetter, "prosent", formula, owner ?? Fredrikstad, [], "kari", Monday);

    public static TheoryData<string, int, string> Refused => new()
    {
        { "", 0, "Skriv en formel" },
        { "BL151 +", 8, "Formelen slutter der det skulle stått et tall, en kode eller en parentes." },
        { "(BL151 - BL153", 15, "Parentesen som åpnes i tegn 1, lukkes aldri." },
        { "BL151 BL153", 7, "Venter «+», «-», «*» eller «/» mellom to ledd, men finner «B»." },
        { "BL151 )", 7, "En «)» uten en «(» før seg." },
        { "BL151 # 2", 7, "Venter «+», «-», «*» eller «/» mellom to ledd, men finner «#»." },
        { "2BL151", 1, "«2BL151» er verken et tall eller en kode" },
        { "BL166 / BL15 * 100", 9, "Ukjent kode «BL15». Mente du «BL151»" },
        { "FLYT.TILGAN - FLYT.AVGANG", 1, "Ukjent kode «FLYT.TILGAN». Mente du «FLYT.TILGANG»" },
        { "B.101 * 2", 1, "«B.101» er en andel, ikke en telling. Skriv «B.101.TELLER» eller «B.101.NEVNER»." },
        { "BL151.NEVNER", 1, "«BL151» er et antall og har ingen nevner." },
        { "BL151 - BL166 / BL151", 15, "Deling er bare lov øverst i formelen" },
        { "(BL166 / BL151) * (BL153 / BL151)", 8, "Deling er bare lov øverst i formelen" },
        { "BL166 / (BL151 / BL153)", 16, "Deling er bare lov øverst i formelen" },
        { "BL151 / 0", 9, "Formelen deler på 0." },
        { "BL151 * 0,5", 9, "Bare hele tall kan stå i en telling." },
        { "EGEN.A + BL151", 1, "Sirkulær referanse: EGEN.A → EGEN.A." },
        { "EGEN.B * 2", 1, "Sirkulær referanse: EGEN.A → EGEN.B → EGEN.A." },
        { "EGEN.MOSS + 1", 1, "Ukjent kode «EGEN.MOSS»." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_bad_formula_is_refused_with_the_column_and_a_norwegian_reason(string formula, int column, string message)
    {
        // EGEN.B names EGEN.A, so EGEN.A naming EGEN.B closes a circle; EGEN.MOSS is Moss's, which Fredrikstad cannot see.
        IReadOnlyList<OwnIndicator> stored = [Own("EGEN.B", "EGEN.A + 1"), Own("EGEN.MOSS", "BL151", Moss)];

        var errors = OwnIndicators.Check(Own("EGEN.A", formula), stored);

        // The first problem of the formula is the one the case is about (a formula with two nested divisions has two).
        var error = errors.First(e => e.Field == "formel");
        Assert.Equal(column, error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_code_in_the_denominator_is_one_problem_not_also_a_division_by_zero()
    {
        var error = Assert.Single(OwnIndicators.Check(Own("EGEN.A", "BL166 / BL15 * 100"), []));

        Assert.Equal((9, "formel"), (error.Position, error.Field));
        Assert.StartsWith("Ukjent kode «BL15».", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> RefusedFields => new()
    {
        { "kode", "BL151", "er en nasjonal indikator" },
        { "kode", "EGEN.MOSS", "er allerede brukt av en annen enhet" },
        { "kode", "1EGEN", "må begynne med en bokstav" },
        { "kode", "EGEN.X.TELLER", "kan ikke slutte på" },
        { "kode", "BEF.18_66", "er en nasjonal indikator eller en befolkning" },
    };

    [Theory]
    [MemberData(nameof(RefusedFields))]
    public void A_code_that_is_national_or_taken_or_malformed_is_refused_on_its_field(string field, string code, string message)
    {
        var errors = OwnIndicators.Check(Own(code, "BL151"), [Own("EGEN.MOSS", "BL151", Moss)]);

        Assert.Contains(errors, e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal));
    }

    // formula → kind, the national counts it reads in order, their values, and the numerator, denominator and value they give.
    public static TheoryData<string, ValueKind, string, long[], long?, long?, double?> Computed => new()
    {
        { "BL166 / BL151 * 100", ValueKind.Percent, "BL166 BL151", [5, 6], 5, 6, 500.0 / 6 },
        { "100 * BL166 / BL151", ValueKind.Percent, "BL166 BL151", [5, 6], 5, 6, 500.0 / 6 },
        { "BL166 / BL151 * 100", ValueKind.Percent, "BL166 BL151", [0, 0], 0, 0, null },
        { "FLYT.TILGANG - FLYT.AVGANG", ValueKind.Count, "FLYT.TILGANG FLYT.AVGANG", [3, 5], -2, 1, -2 },
        { "-(BL151 - BL153) * 2", ValueKind.Count, "BL151 BL153", [6, 2], -8, 1, -8 },
        { "B10.TELLER / B10.NEVNER * 100", ValueKind.Percent, "B10 B10:nevner", [3, 4], 3, 4, 75 },
        { "BL151 / BEF.18_66 * 1000", ValueKind.Mean, "BL151 B.101:nevner", [6, 53398], 6, 53398, 6000.0 / 53398 },
        { "EGEN.DIFF / BL151 * 100", ValueKind.Percent, "FLYT.TILGANG FLYT.AVGANG BL151", [4, 1, 6], 3, 6, 50 },
        { "KVP.ETTER.01.TELLER + KVP.ETTER.11.TELLER", ValueKind.Count, "KVP.ETTER.01 KVP.ETTER.11", [1, 2], 3, 1, 3 },
    };

    [Theory]
    [MemberData(nameof(Computed))]
    public void A_formula_that_checks_compiles_into_a_count_or_a_share_over_national_counts(string formula, ValueKind kind, string inputs,
        long[] values, long? numerator, long? denominator, double? value)
    {
        IReadOnlyList<OwnIndicator> stored = [Own("EGEN.DIFF", "FLYT.TILGANG - FLYT.AVGANG"), Own("EGEN.A", formula)];
        Assert.Empty(OwnIndicators.Check(stored[1], stored));

        var definition = Assert.Single(OwnIndicators.Compile(stored), d => d.Code == "EGEN.A");
        var compiled = definition.Formula!;
        long?[] given = [.. values.Select(v => (long?)v)];

        Assert.Equal(kind, definition.Kind);
        Assert.Equal(IndicatorSource.Own, definition.Source);
        Assert.Equal(inputs.Split(' '), compiled.Inputs.Select(i => i.Part == ValuePart.Denominator ? $"{i.Indicator}:nevner" : i.Indicator));
        Assert.Equal(numerator, compiled.Numerator(given));
        Assert.Equal(denominator, compiled.Denominator(given));
        var computed = definition.ValueOf(compiled.Numerator(given), compiled.Denominator(given));
        if (value is null) Assert.Null(computed);
        else Assert.Equal(value.Value, computed!.Value, 9);
    }

    [Fact]
    public void A_missing_count_leaves_the_formula_uncomputed_not_zero()
    {
        var definition = Assert.Single(OwnIndicators.Compile([Own("EGEN.A", "FLYT.TILGANG - FLYT.AVGANG")]));

        Assert.Null(definition.Formula!.Numerator([3, null]));
    }

    [Fact]
    public void A_share_shows_its_numerator_and_denominator_as_written_and_a_count_its_denominator_as_one()
    {
        var definitions = OwnIndicators.Compile([Own("EGEN.A", "(BL166+BL174)/BL151*100"), Own("EGEN.B", "FLYT.TILGANG-FLYT.AVGANG")]);

        Assert.Equal(("BL166 + BL174", "BL151"), (definitions[0].Numerator, definitions[0].Denominator));
        Assert.Equal(("FLYT.TILGANG - FLYT.AVGANG", "1 (antall)"), (definitions[1].Numerator, definitions[1].Denominator));
    }

    [Fact]
    public void An_indicator_that_others_name_is_reported_as_used_by_them()
    {
        IReadOnlyList<OwnIndicator> stored = [Own("EGEN.DIFF", "FLYT.TILGANG - FLYT.AVGANG"), Own("EGEN.A", "EGEN.DIFF / BL151 * 100")];

        Assert.Equal(["EGEN.A"], OwnIndicators.UsedBy("EGEN.DIFF", stored));
        Assert.Empty(OwnIndicators.UsedBy("EGEN.A", stored));
    }
}
