using Malekort.Import.Pseudonyms;
using Malekort.Periods;
using Malekort.Storage;
using Malekort.Units;

namespace Malekort.Web.Explain;

/// <summary>
/// <see cref="ScorecardData"/> with a third municipality for NAV Fredrikstad, Råde, whose persons were pseudonymised from
/// synthetic fødselsnumre with the server's key, as an import does: one a recipient all of 2024, one only in March, one from July.
/// </summary>
public sealed class ExplanationServer : ScorecardServer
{
    public static readonly UnitCode Rade = UnitCode.Parse("3112");

    /// <summary>A recipient in every month of 2024.</summary>
    public static readonly string Counted = Fodselsnummer.Create(new DateOnly(1988, 3, 14), 123, synthetic: true);

    /// <summary>A recipient in March 2024 only.</summary>
    public static readonly string NotCountedInDecember = Fodselsnummer.Create(new DateOnly(1979, 9, 2), 456, synthetic: true);

    private static readonly PseudonymKey Key = PseudonymKey.FromBytes([.. Enumerable.Range(1, PseudonymKey.Length).Select(i => (byte)i)]);

    protected override void Seed(IMalekortStore store)
    {
        ScorecardData.Seed(store);
        store.SaveOffices(
            [
                new Office("0106", "NAV Fredrikstad", [ScorecardData.Fredrikstad, ScorecardData.Hvaler, Rade]),
                new Office("0105", "NAV Sarpsborg", [ScorecardData.Sarpsborg]),
            ],
            new ImportLogEntry("kontorer-2.csv", "kontorregister", DateTimeOffset.UnixEpoch, ImportOutcome.Imported, null, null, null, "kontorer-2",
                new Dictionary<string, int>(StringComparer.Ordinal), []));
        var pseudonyms = new Pseudonymizer(Key);
        var batch = new ScorecardData.BatchBuilder(Rade, "rade-2024");
        var counted = batch.Person(36, pseudonyms.Of(Counted));
        for (var m = 1; m <= 12; m++) batch.Payment(counted, new Month(2024, m));
        batch.Payment(batch.Person(45, pseudonyms.Of(NotCountedInDecember)), new Month(2024, 3));
        var young = batch.Person(22);
        for (var m = 7; m <= 12; m++) batch.Payment(young, new Month(2024, m));
        ScorecardData.Save(store, batch.Build());
    }

    protected override ValueTask<MalekortWebOptions> Configure(MalekortWebOptions options) =>
        ValueTask.FromResult(new MalekortWebOptions { Urls = options.Urls, PseudonymKey = Key });
}
