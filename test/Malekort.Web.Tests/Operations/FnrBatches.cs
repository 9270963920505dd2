using System.Text.RegularExpressions;
using Malekort.Cli.Synthetic;
using Malekort.Import.Pseudonyms;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Web.Operations;

/// <summary>
/// A small seeded capture batch keyed by fødselsnummer (Skatteetaten's synthetic numbers, month + 80), and a copy of it
/// that is rejected because two of its numbers have wrong check digits. Knows every number in them and its pseudonym.
/// </summary>
internal sealed partial class FnrBatches : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("malekort-ops-").FullName;

    public FnrBatches()
    {
        Key = PseudonymKey.LoadOrCreate(Path.Combine(folder, "pseudonym.key"));
        var unit = new SyntheticUnit(UnitCode.Parse("3107"), 53_398, 7_000);
        Accepted = new SyntheticGenerator(new SyntheticOptions(41, new MonthRange(new Month(2024, 1), new Month(2024, 6)), 0.01))
            .Write([unit], Path.Combine(folder, "accepted")).Single();
        Rejected = Path.Combine(folder, "rejected", Path.GetFileName(Accepted) + "-feil");
        CopyFolder(Accepted, Rejected);
        var persons = Path.Combine(Rejected, "persons.csv");
        var lines = File.ReadAllLines(persons);
        for (var i = 1; i <= 2; i++) lines[i] = ElevenDigits().Replace(lines[i], m => BreakCheckDigit(m.Value), 1);
        File.WriteAllLines(persons, lines);
        Numbers = Directory.EnumerateFiles(folder, "*.csv", SearchOption.AllDirectories)
            .SelectMany(f => ElevenDigits().Matches(File.ReadAllText(f)).Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);
        var pseudonyms = new Pseudonymizer(Key);
        Pseudonyms = Numbers.Select(n => pseudonyms.Of(n)).ToHashSet(StringComparer.Ordinal);
    }

    public PseudonymKey Key { get; }

    /// <summary>The batch folder that imports.</summary>
    public string Accepted { get; }

    /// <summary>The batch folder that is rejected (wrong check digits).</summary>
    public string Rejected { get; }

    /// <summary>Every eleven-digit number in either batch, valid or not.</summary>
    public IReadOnlySet<string> Numbers { get; }

    /// <summary>The pseudonym each of <see cref="Numbers"/> gets with <see cref="Key"/>.</summary>
    public IReadOnlySet<string> Pseudonyms { get; }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string BreakCheckDigit(string fnr) => fnr[..10] + (char)('0' + ((fnr[10] - '0' + 1) % 10));

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    [GeneratedRegex(@"(?<!\d)\d{11}(?!\d)")]
    private static partial Regex ElevenDigits();
}
