namespace Malekort.Cli.Synthetic;

/// <summary>
/// Generates plausible capture format v1 batches for a set of units: the same seed, options and units (in the same
/// order) give byte-identical output. Each unit gets overlapping yearly extracts (<see cref="BatchPlan"/>).
/// </summary>
internal sealed class SyntheticGenerator(SyntheticOptions options)
{
    /// <summary>Writes one or more batch folders per unit under <paramref name="outputDirectory"/> and returns their paths.</summary>
    /// <remarks>
    /// With <paramref name="otherFormats"/>, the year's KOSTRA 11F file and Digisos applications of each unit are written too,
    /// under <c>kostra/</c> and <c>digisos/</c> of that folder, from the same simulation.
    /// </remarks>
    public IReadOnlyList<string> Write(IEnumerable<SyntheticUnit> units, string outputDirectory, (string Directory, int Year)? otherFormats = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Scale);
        Directory.CreateDirectory(outputDirectory);
        var plan = BatchPlan.WithMonthlyTail(options.Months, options.MonthlyTail);
        var allocator = new SyntheticFodselsnummer();
        var folders = new List<string>();
        foreach (var unit in units)
        {
            if (!unit.Unit.IsCaptureUnit)
                throw new ArgumentException($"{unit.Unit.Value} er ikke en kommune eller bydel.", nameof(units));
            var history = UnitSimulation.Run(unit, options);
            var personNumbers = new PersonNumbers(allocator, history);
            var writer = new BatchWriter(history, personNumbers);
            foreach (var period in plan) folders.Add(writer.Write(period, outputDirectory));
            if (otherFormats is { } other)
            {
                new KostraWriter(history, personNumbers).Write(Directory.CreateDirectory(Path.Combine(other.Directory, "kostra")).FullName, other.Year);
                new DigisosWriter(history, personNumbers).Write(Directory.CreateDirectory(Path.Combine(other.Directory, "digisos")).FullName, other.Year);
            }
        }
        return folders;
    }
}
