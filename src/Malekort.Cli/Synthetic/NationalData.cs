using System.Globalization;
using System.Text;
using Malekort.Import.Population;
using Malekort.Population;
using Malekort.Units;

namespace Malekort.Cli.Synthetic;

/// <summary>
/// Every municipality and Oslo district, sized by its real 2024 population (Kilde: Statistisk sentralbyrå (SSB)), for the
/// national benchmark data set; Oslo is generated district by district, never as a whole as well.
/// </summary>
internal static class NationalData
{
    /// <summary>The units with their 2024 population 18–66 and 18–24, read from the shipped SSB sum files.</summary>
    public static IReadOnlyList<SyntheticUnit> Units(string dataDirectory)
    {
        var figures = new List<PopulationFigure>();
        foreach (var file in new[] { "ssb_07459_nevnere_2024.csv", "ssb_10826_bydel_nevnere_2024.csv" })
        {
            var read = new SsbPopulationReader().Read(Path.Combine(dataDirectory, "ssb", file));
            if (!read.Accepted) throw new InvalidDataException($"Kunne ikke lese {file}: {string.Join("; ", read.Findings.Where(f => f.Rejects))}");
            figures.AddRange(read.Value!);
        }
        var oslo = UnitCode.Parse("0301");
        return figures
            .Where(f => f.Year == 2024 && f.Unit != oslo && UnitRegister.Default.IsKnownCaptureUnit(f.Unit))
            .OrderBy(f => f.Unit.Value, StringComparer.Ordinal)
            .Select(f => new SyntheticUnit(f.Unit, f.Aged18To66, f.Aged18To24))
            .ToList();
    }

    /// <summary>
    /// A synthetic office register for the national set: one office per unit, numbered 9000 and up, named after the unit.
    /// Real office numbers exist only for the demo's offices; these are marked synthetic in their names.
    /// </summary>
    public static void WriteOffices(IEnumerable<SyntheticUnit> units, string path)
    {
        var text = new StringBuilder("office_number,office_name,units\n");
        var number = 9000;
        foreach (var unit in units)
        {
            text.Append(CultureInfo.InvariantCulture, $"{number++},NAV {UnitRegister.Default.NameOf(unit.Unit)} (syntetisk),{unit.Unit.Value}\n");
        }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }
}
