using Malekort.Capture;
using static Malekort.Import.Digisos.DigisosFixture;

namespace Malekort.Import.Digisos;

/// <summary>What Digisos batches give through the engine: recipients per month, processing time, and versions replacing versions.</summary>
public sealed class DigisosIndicatorTests
{
    [Fact]
    public void Socio_like_file_gives_recipients_in_the_months_paid_and_one_case_of_14_days()
    {
        var results = Compute([Accepted(Fixture("fredrikstad-socio.json"))], "2023-12", "2024-06");

        // Paid: February (9301, planned then paid), March (9302), May (9305, on a sak with no saksStatus).
        // Not: April (9303, the IKKE_INNSYN KVP sak) and June (9306, stopped).
        Assert.Equal([null, 0, 1, 1, 0, 1, 0], Months("2023-12", 7).Select(m => results.Count("BL151", m, "3107")));
        Assert.Equal([null, 0, 0, 0, 0, 0, 0], Months("2023-12", 7).Select(m => results.Count("BL153", m, "3107")));
        var january = results.Get(Malekort.Units.UnitCode.Parse("3107"), M("2024-01"), "PL151");
        Assert.Equal((14L, 1L), (january.Numerator, january.Denominator));
        // The endringsvedtak in April is no new case.
        Assert.Equal(0L, results.Get(Malekort.Units.UnitCode.Parse("3107"), M("2024-04"), "PL151").Denominator);
    }

    [Fact]
    public void Velferd_like_Oslo_file_counts_in_Alna_with_a_young_recipient_and_two_cases()
    {
        var results = Compute([Accepted(Fixture("oslo-velferd.json"))], "2024-02", "2024-05");

        // A keyed batch makes only the months its events and payments touch captured: outside them there is no value.
        Assert.Equal([null, 1, 1, null], Months("2024-02", 4).Select(m => results.Count("BL151", m, "030112")));
        Assert.Equal([null, 1, 1, null], Months("2024-02", 4).Select(m => results.Count("BL153", m, "030112")));
        var march = results.Get(Malekort.Units.UnitCode.Parse("030112"), M("2024-03"), "PL151");
        Assert.Equal((3L + 16L, 2L), (march.Numerator, march.Denominator));
        Assert.Equal(1, results.Count("BL151", "2024-03", "0301"));
    }

    [Fact]
    public void Newer_version_of_an_application_replaces_the_older_and_leaves_other_applications_alone()
    {
        using var folder = new TempFolder();
        var v1 = new DigisosSakText(id: "11111111-1111-4111-8111-111111111111", sistEndret: 1707000000000)
            .Mottatt("2024-01-20T10:00:00.000Z")
            .Utbetaling("2024-02-01T10:00:00.000Z", "U1", "UTBETALT", "\"utbetalingsdato\": \"2024-02-01\"");
        var v2 = new DigisosSakText(id: "11111111-1111-4111-8111-111111111111", sistEndret: 1710000000000)
            .Mottatt("2024-01-20T10:00:00.000Z")
            .Utbetaling("2024-02-01T10:00:00.000Z", "U1", "UTBETALT", "\"utbetalingsdato\": \"2024-02-01\"")
            .Utbetaling("2024-02-20T10:00:00.000Z", "U1", "ANNULLERT", "\"utbetalingsdato\": \"2024-02-01\"")
            .Utbetaling("2024-03-01T10:00:00.000Z", "U2", "UTBETALT", "\"utbetalingsdato\": \"2024-03-01\"");
        var other = new DigisosSakText(fnr: FredrikstadFnr, id: "22222222-2222-4222-8222-222222222222", sistEndret: 1707100000000)
            .Mottatt("2024-01-25T10:00:00.000Z")
            .Utbetaling("2024-02-05T10:00:00.000Z", "X1", "UTBETALT", "\"utbetalingsdato\": \"2024-02-05\"");
        var first = Accepted(folder.Write("v1.json", v1.ToString()));
        var second = Accepted(folder.Write("v2.json", v2.ToString()));
        var third = Accepted(folder.Write("other.json", other.ToString()));
        Assert.Equal(first.Header.SupersessionKey, second.Header.SupersessionKey);

        // Whatever order they were imported in, the later version is the truth about its application.
        foreach (var order in new[] { new[] { first, second, third }, [second, third, first] })
        {
            var results = Compute(order, "2024-01", "2024-03");
            Assert.Equal([0, 1, 1], Months("2024-01", 3).Select(m => results.Count("BL151", m, "3107")));
        }
        // Alone, the first version says U1 was paid in February.
        Assert.Equal(1, Compute([first], "2024-02", "2024-02").Count("BL151", "2024-02", "3107"));
    }

    [Fact]
    public void Newer_version_assigned_to_another_Oslo_district_replaces_the_older_one_there_too()
    {
        using var folder = new TempFolder();
        DigisosSakText Version(string office, long sistEndret) =>
            new DigisosSakText(kommune: "0301", id: "33333333-3333-4333-8333-333333333333", sistEndret: sistEndret)
                .Mottatt("2024-01-20T10:00:00.000Z")
                .Hendelse($$"""{"type": "tildeltNavKontor", "hendelsestidspunkt": "2024-01-20T10:01:00.000Z", "navKontor": "0314"}""")
                .Hendelse($$"""{"type": "tildeltNavKontor", "hendelsestidspunkt": "2024-01-22T10:01:00.000Z", "navKontor": "{{office}}"}""")
                .Utbetaling("2024-02-01T10:00:00.000Z", "U1", "UTBETALT", "\"utbetalingsdato\": \"2024-02-01\"");
        var sagene = Accepted(folder.Write("v1.json", Version("0314", 1707000000000).ToString()));
        var alna = Accepted(folder.Write("v2.json", Version("0326", 1708000000000).ToString()));
        Assert.Equal(("030103", "030112"), (sagene.Header.Unit.Value, alna.Header.Unit.Value));

        var results = Compute([sagene, alna], "2024-02", "2024-02");

        // The replaced version says nothing about Sagene any more: with no other data there, Sagene is not captured.
        Assert.Null(results.Count("BL151", "2024-02", "030103"));
        Assert.Equal(1, results.Count("BL151", "2024-02", "030112"));
        Assert.Equal(1, results.Count("BL151", "2024-02", "0301"));
    }

    [Fact]
    public void Payment_at_23_30_UTC_on_31_January_counts_in_February()
    {
        using var folder = new TempFolder();
        var batch = Accepted(folder.Write("sak.json", new DigisosSakText()
            .Mottatt("2024-01-31T23:30:00.000Z")
            .Utbetaling("2024-01-31T23:30:00.000Z", "U1", "UTBETALT")
            .Vedtak("2024-02-05T10:00:00.000Z", "S1")
            .ToString()));

        var results = Compute([batch], "2024-01", "2024-02");

        Assert.Equal([null, 1], Months("2024-01", 2).Select(m => results.Count("BL151", m, "3107")));
        var february = results.Get(Malekort.Units.UnitCode.Parse("3107"), M("2024-02"), "PL151");
        Assert.Equal((4L, 1L), (february.Numerator, february.Denominator));
    }

    private static IEnumerable<string> Months(string first, int count) =>
        Enumerable.Range(0, count).Select(i => M(first).Plus(i).ToString());
}
