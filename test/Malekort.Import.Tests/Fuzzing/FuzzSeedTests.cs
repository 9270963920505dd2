using Malekort.Import.Digisos;
using Malekort.Import.Kostra;
using Malekort.Import.Offices;
using Malekort.Import.Population;

namespace Malekort.Import.Fuzzing;

/// <summary>
/// The fuzzer's seeds are valid inputs (but the negative fixtures kept on purpose): mutations of a rejected seed would only
/// ever reach the paths that reject.
/// </summary>
public sealed class FuzzSeedTests : IDisposable
{
    private readonly string work = FuzzSettings.WorkFolder("malekort-fuzz-seeds");

    [Fact]
    public void Population_seeds_are_accepted_but_the_table_that_is_not_a_population_table()
    {
        var rejected = Read(PopulationFuzzTests.Seeds(), new SsbPopulationReader().Read);

        Assert.Equal(["ssb_jsonstat2_05300_data.json"], rejected);
    }

    [Fact]
    public void Office_seeds_are_accepted_but_the_fixtures_of_broken_registers()
    {
        var rejected = Read(OfficeRegisterFuzzTests.Seeds(), new OfficeRegisterReader().Read);

        Assert.Equal(["enhet-to-ganger.csv", "kontornummer-to-ganger.csv", "ukjent-enhet.csv"], rejected);
    }

    [Fact]
    public void Kostra_seeds_are_accepted_but_ssbs_sample_with_status_one_position_late()
    {
        var reader = KostraFixture.Reader();

        Assert.Equal(["ssb-kvalifisering-minimal-2024.dat"], Read(KostraFuzzTests.Seeds(), reader.Read));
    }

    [Theory]
    [InlineData("fredrikstad-socio.json")]
    [InlineData("oslo-velferd.json")]
    [InlineData("nav-eksempel")]
    public void Digisos_seeds_are_accepted(string name)
    {
        var result = DigisosFixture.Read(DigisosFixture.Fixture(name));

        Assert.True(result.Accepted, DigisosFixture.Describe(result));
    }

    public void Dispose() => Directory.Delete(work, recursive: true);

    /// <summary>The names of the seeds the reader rejects.</summary>
    private List<string> Read<T>(IEnumerable<FuzzSeed> seeds, Func<string, ReadResult<T>> read)
    {
        var rejected = new List<string>();
        foreach (var seed in seeds)
        {
            var path = Path.Combine(work, seed.Name);
            File.WriteAllBytes(path, seed.Bytes);
            if (!read(path).Accepted) rejected.Add(seed.Name);
        }
        return rejected;
    }
}
