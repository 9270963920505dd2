using Malekort.Import.Detection;
using Malekort.Import.Pipeline;
using Malekort.Storage;
using Malekort.Storage.Sqlite;
using static Malekort.Import.Digisos.DigisosFixture;

namespace Malekort.Import.Digisos;

/// <summary>Digisos inputs are recognised by content, kept whole when a folder is expanded, and land through the pipeline.</summary>
public sealed class DigisosRoutingTests
{
    [Fact]
    public void DigisosSak_files_and_Digisos_folders_are_recognised_and_other_inputs_are_not()
    {
        Assert.Equal(InputFormat.Digisos, InputFormats.Recognise(Fixture("fredrikstad-socio.json")));
        Assert.Equal(InputFormat.Digisos, InputFormats.Recognise(Fixture("oslo-velferd.json")));
        Assert.Equal(InputFormat.Digisos, InputFormats.Recognise(Fixture("nav-eksempel")));
        // A bare digisos-soker.json is recognised (and then rejected with a reason), not reported as an unknown format.
        Assert.Equal(InputFormat.Digisos, InputFormats.Recognise(Fixture("nav-eksempel/digisos-soker.json")));

        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        Assert.False(DigisosReader.Recognise(Fixture("nav-eksempel/soknad.json")));
        Assert.False(DigisosReader.Recognise(Path.Combine(fixtures, "capture", "valid-small")));
        Assert.False(DigisosReader.Recognise(Path.Combine(fixtures, "capture", "valid-small", "batch.json")));
        Assert.False(DigisosReader.Recognise(Path.Combine(fixtures, "population", "ssb_07459_jsonstat2_2024.json")));
        Assert.False(DigisosReader.Recognise(Fixture("finnes-ikke.json")));
    }

    [Fact]
    public void Wrapper_recognised_by_sak_soker_even_behind_a_large_first_field()
    {
        using var folder = new TempFolder();
        var padding = new string('x', 20_000);
        var path = folder.Write("sak.json",
            $$"""{"type": "no.nav.digisos.digisos.soker.v1", "note": "{{padding}}", "sak": {"soker": {"hendelser": []} } }""");

        Assert.True(DigisosReader.Recognise(path));
    }

    [Fact]
    public void Expanding_a_folder_keeps_a_Digisos_folder_whole()
    {
        using var folder = new TempFolder();
        folder.Write("leveranse/sak-1/digisos-soker.json", "{}");
        folder.Write("leveranse/sak-1/soknad.json", "{}");
        folder.Write("leveranse/sak-2.json", "{}");

        var inputs = InputFormats.Expand([Path.Combine(folder.Path, "leveranse")]);

        Assert.Equal(["sak-1", "sak-2.json"], inputs.Select(Path.GetFileName));
    }

    [Fact]
    public void Pipeline_lands_a_Digisos_file_once_and_logs_a_rejected_one_as_digisos()
    {
        using var folder = new TempFolder();
        var store = new SqliteStore(Path.Combine(folder.Path, "malekort.db"));
        store.Migrate();
        var pipeline = new ImportPipeline(store, TestPseudonyms, TimeProvider.System);

        var first = pipeline.ImportOne(Fixture("fredrikstad-socio.json"));
        var again = pipeline.ImportOne(Fixture("fredrikstad-socio.json"));
        var bare = pipeline.ImportOne(Fixture("nav-eksempel/digisos-soker.json"));

        Assert.Equal((ImportOutcome.Imported, "digisos", "3107"), (first.Outcome, first.Format, first.Unit?.Value));
        Assert.Equal(5, first.Counts["payments"]);
        Assert.Equal(ImportOutcome.AlreadyImported, again.Outcome);
        Assert.Equal((ImportOutcome.Rejected, "digisos"), (bare.Outcome, bare.Format));
        var header = Assert.Single(store.Load().WorkingSet.BatchesOf(Malekort.Units.UnitCode.Parse("3107")));
        Assert.Equal("digisos:5b2f8c1e-3d4a-4e6b-9c7d-0a1b2c3d4e01", header.SupersessionKey);
    }
}
