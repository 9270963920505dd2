using Malekort.Periods;
using Malekort.Population;
using Malekort.Units;

namespace Malekort.Indicators;

/// <summary>
/// A national version added in the browser (issue 11 item 7): a formula over the counts, checked as an own indicator's is, computed
/// beside the version before it from its first month, and empty before it with the reason a declared version gives.
/// </summary>
public sealed class NationalVersionTests
{
    private static readonly UnitCode Fredrikstad = UnitCode.Parse("3107");
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static readonly PopulationTable Population = new(
    [
        new PopulationFigure(Fredrikstad, 2024, 53398, 7000, 85230, "test"),
        new PopulationFigure(Fredrikstad, 2025, 53500, 7010, 85400, "test"),
    ]);

    private static NationalVersion Version(string of, string from, string formula, string change = "Bare seks sammenhengende måneder teller.",
        int number = 3) => new(of, number, Month.Parse(from), formula, change, "dir", Monday);

    // As DefinitionVersionTests: "a" has six months of twelve, not consecutive; "b" six consecutive.
    private static Computed Compute(string first, string last, params NationalVersion[] stored)
    {
        var builder = new WorkingSetBuilder();
        builder.Add(new TestBatch(from: "2024-01-01", to: "2025-06-30")
            .Person("a", "1980-05-05").Livelihood("a", "2024-01-01", 5)
            .Person("b", "1981-06-06").Livelihood("b", "2024-01-01", 5)
            .PaidIn("a", "2024-07", "2024-09", "2024-11", "2025-01", "2025-03", "2025-05")
            .PaidIn("b", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05").Build());
        var results = new IndicatorEngine(UnitRegister.Default, OfficeRegister.Empty).Compute(builder.Build(), Population,
            new MonthRange(Month.Parse(first), Month.Parse(last)), own: NationalVersions.Compile(stored));
        return new Computed(results);
    }

    [Fact]
    public void In_a_month_both_apply_the_old_and_the_new_version_each_count_by_their_own_rule()
    {
        var r = Compute("2025-05", "2025-05", Version("B.102", "2025-03", "B.102.v2.TELLER / BEF.18_66 * 100"));

        Assert.Equal(2, r.Count("B.102", "2025-05"));
        Assert.Equal(1, r.Count("B.102.v3", "2025-05"));
        Assert.Equal(53500, r["B.102.v3", "2025-05"].Denominator);
        Assert.Equal(100.0 / 53500, r["B.102.v3", "2025-05"].Value!.Value, 10);
    }

    [Fact]
    public void Before_its_first_month_the_new_version_is_empty_because_it_does_not_apply_and_the_old_one_keeps_its_numbers()
    {
        var without = Compute("2025-01", "2025-03");
        var with = Compute("2025-01", "2025-03", Version("B.102", "2025-03", "BL152 / BEF.18_66 * 100"));

        Assert.Equal(NoValueReason.NotInForce, with["B.102.v3", "2025-02"].Reason);
        Assert.Null(with["B.102.v3", "2025-02"].Numerator);
        Assert.Equal(NoValueReason.None, with["B.102.v3", "2025-03"].Reason);
        foreach (var month in new[] { "2025-01", "2025-02", "2025-03" })
            Assert.Equal(without["B.102", month].Numerator, with["B.102", month].Numerator);
        Assert.Equal(with["B.102", "2025-03"].Numerator, with["B.102.v3", "2025-03"].Numerator);
    }

    [Fact]
    public void A_stored_version_is_declared_as_a_version_of_its_indicator_for_everyone()
    {
        var definition = Assert.Single(NationalVersions.Compile([Version("B.102", "2025-03", "BL152 / BEF.18_66 * 100")]));

        Assert.Equal(("B.102.v3", "B.102", 3, Month.Parse("2025-03")), (definition.Code, definition.VersionOf, definition.Version, definition.ValidFrom));
        Assert.Equal((ValueKind.Percent, IndicatorSource.Directorate, Direction.LowerIsBetter), (definition.Kind, definition.Source, definition.Direction));
        Assert.Null(definition.Own);
        Assert.Equal("dir", definition.Stored!.AddedBy);
    }

    [Fact]
    public void In_the_national_list_an_added_version_stands_right_after_its_indicators_declared_versions()
    {
        var list = NationalVersions.InCatalogue(NationalVersions.Compile([Version("B.102", "2025-03", "BL152 / BEF.18_66 * 100"),
            Version("B.101", "2025-03", "BL151 / BEF.18_66 * 100", number: 2)])).Select(d => d.Code).ToList();

        Assert.Equal(IndicatorCatalog.All.Count + 2, list.Count);
        Assert.Equal(["B.101", "B.101.v2", "B.102", "B.102.v2", "B.102.v3"], list.SkipWhile(c => c != "B.101").Take(5));
        Assert.Same(IndicatorCatalog.All, NationalVersions.InCatalogue([]));
    }

    [Fact]
    public void The_next_number_follows_the_versions_declared_in_code_and_every_one_ever_stored()
    {
        Assert.Equal(3, NationalVersions.Next("B.102", []));
        Assert.Equal(4, NationalVersions.Next("B.102", [Version("B.102", "2025-03", "BL152 / BEF.18_66 * 100")]));
        Assert.Equal(2, NationalVersions.Next("B.101", [Version("B.102", "2025-03", "BL152 / BEF.18_66 * 100")]));
    }

    public static TheoryData<string, string, string, string, int, string> Refused => new()
    {
        { "B.999", "BL152 / BEF.18_66 * 100", "endret", "indikator", 0, "«B.999» er ikke en nasjonal indikator" },
        { "B.102.v2", "BL152 / BEF.18_66 * 100", "endret", "indikator", 0, "«B.102.v2» er ikke en nasjonal indikator" },
        { "B.102", "BL152 / / 3", "endret", "formel", 9, "men finner «/»" },
        { "B.102", "BL15 / BEF.18_66 * 100", "endret", "formel", 1, "Ukjent kode «BL15»" },
        { "B.102", "BL152", "endret", "formel", 0, "skriv formelen som «teller / nevner * 100»" },
        { "B.102", "BL152 / BEF.18_66", "endret", "formel", 0, "skriv formelen som «teller / nevner * 100»" },
        { "B.102", "BL152 / BEF.18_66 * 100", " ", "endring", 0, "Skriv kort hva som er endret" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_version_that_does_not_check_is_refused_beside_the_field_with_the_column(string of, string formula, string change, string field,
        int column, string message)
    {
        var error = Assert.Single(NationalVersions.Check(Version(of, "2025-03", formula, change), []));

        Assert.Equal((field, column), (error.Field, error.Position));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_number_already_taken_is_refused()
    {
        var stored = Version("B.102", "2025-03", "BL152 / BEF.18_66 * 100");

        Assert.Equal("Versjon 3 av B.102 finnes alt.", Assert.Single(NationalVersions.Check(stored, [stored])).Message);
        Assert.Equal("Versjon 2 av B.102 finnes alt.", Assert.Single(NationalVersions.Check(stored with { Number = 2 }, [])).Message);
    }
}
