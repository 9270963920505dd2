using Malekort.Capture;
using Malekort.Import.Digisos;
using Malekort.Import.Kostra;
using Malekort.Import.Pseudonyms;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Cli.Synthetic;

public sealed class OtherFormatsTests : IDisposable
{
    private static readonly SyntheticOptions Options = new(7, new MonthRange(new Month(2023, 1), new Month(2024, 12)), 0.3);

    // Råde and Alna (SSB 07459 and 10826, 2024): a municipality and an Oslo district.
    private static readonly SyntheticUnit[] Units =
    [
        new(UnitCode.Parse("3112"), 4_797, 620),
        new(UnitCode.Parse("030112"), 33_235, 3_862),
    ];

    private static readonly Pseudonymizer Pseudonyms = new(PseudonymKey.FromBytes(new byte[PseudonymKey.Length]));

    private readonly string root = Path.Combine(Path.GetTempPath(), "malekort-formats-" + Guid.NewGuid().ToString("N"));

    public OtherFormatsTests() => new SyntheticGenerator(Options).Write(Units, Path.Combine(root, "batches"), (root, 2024));

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Each_unit_year_is_one_accepted_KOSTRA_11F_file_with_one_record_per_person_paid_social_assistance()
    {
        var files = Directory.GetFiles(Path.Combine(root, "kostra")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["11F_030112_2024.dat", "11F_3112_2024.dat"], files);

        foreach (var unit in Units)
        {
            var read = new KostraReader(Pseudonyms, TimeProvider.System).Read(Path.Combine(root, "kostra", $"11F_{unit.Unit.Value}_2024.dat"));

            Assert.True(read.Accepted, string.Join("; ", read.Findings.Where(f => f.Rejects)));
            Assert.Equal(unit.Unit, read.Value!.Header.Unit);
            Assert.Equal(RecipientsIn2024(unit), read.Value.Persons.Count);
        }
    }

    [Fact]
    public void KOSTRA_11F_carries_conditions_exemptions_and_sanctions_known_by_year()
    {
        var batches = Units.Select(u => new KostraReader(Pseudonyms, TimeProvider.System)
            .Read(Path.Combine(root, "kostra", $"11F_{u.Unit.Value}_2024.dat")).Value!).ToList();

        Assert.Contains(batches, b => b.Conditions.Count > 10);
        Assert.Contains(batches, b => b.Exemptions.Count > 0);
        Assert.All(batches.SelectMany(b => b.Sanctions), s => Assert.Equal((2024, null), (s.Year, s.Date)));
        Assert.Contains(batches, b => b.Sanctions.Count > 0);
        // One condition per recipient: the one of the latest payment decision with conditions in the year.
        Assert.All(batches, b => Assert.Equal(b.Conditions.Count, b.Conditions.Select(c => c.PersonKey).Distinct().Count()));
    }

    [Fact]
    public void Each_social_assistance_application_received_in_the_year_is_one_accepted_Digisos_batch_of_its_own()
    {
        var files = Directory.GetFiles(Path.Combine(root, "digisos"));
        var batches = files.Select(f => new DigisosReader(Pseudonyms).Read(f)).ToList();

        Assert.All(batches, b => Assert.True(b.Accepted, string.Join("; ", b.Findings.Where(f => f.Rejects))));
        Assert.Equal(Units.Sum(ApplicationsIn2024), batches.Count);
        Assert.Equal(batches.Count, batches.Select(b => b.Value!.Header.SupersessionKey).Distinct().Count());
        Assert.Contains(batches, b => b.Value!.Header.Unit == UnitCode.Parse("030112"));
        Assert.Contains(batches, b => b.Value!.Payments.Any(p => p.Status == PaymentStatus.Utbetalt));
    }

    private static int RecipientsIn2024(SyntheticUnit unit)
    {
        var history = UnitSimulation.Run(unit, Options);
        int first = new DateOnly(2024, 1, 1).DayNumber, last = new DateOnly(2024, 12, 31).DayNumber;
        return history.Payments
            .Where(p => p.Status == PaymentStatus.Utbetalt && p.CancelDay == SimDay.None
                && CodeLists.BenefitTypes[p.BenefitType].Category == BenefitCategory.OkonomiskSosialhjelp)
            .Where(p => (p.PeriodTo != SimDay.None ? p.PeriodTo : p.PeriodFrom != SimDay.None ? p.PeriodFrom : p.PaymentDay) >= first
                && (p.PeriodFrom != SimDay.None ? p.PeriodFrom : p.PaymentDay) <= last)
            .Select(p => p.Person)
            .Distinct()
            .Count();
    }

    private static int ApplicationsIn2024(SyntheticUnit unit) => UnitSimulation.Run(unit, Options).Cases
        .Count(c => CodeLists.CaseTypes[c.CaseType].Category == BenefitCategory.OkonomiskSosialhjelp
            && (c.Received != SimDay.None ? c.Received : c.Approved) is var day && day != SimDay.None
            && day >= new DateOnly(2024, 1, 1).DayNumber && day <= new DateOnly(2024, 12, 31).DayNumber);
}
