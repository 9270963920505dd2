using Malekort.Periods;

namespace Malekort.Cli.Synthetic;

/// <summary>A person the simulation follows as a social assistance client: household, income and livelihood.</summary>
internal sealed class Client
{
    public int Person;
    public int Birth;
    public bool Couple;
    public List<(int Birth, sbyte Percent)> Children { get; } = [];
    public byte Livelihood;
    public int LivelihoodRow = -1;
    public long RentOre;
    public double NormFactor;

    /// <summary>Children under 18 in the month that the client is the main provider for (percent ≥ 50).</summary>
    public int ChildrenUnder18(Month month)
    {
        var count = 0;
        foreach (var (birth, percent) in Children)
        {
            var age = Age.InMonth(DateOnly.FromDayNumber(birth), month);
            if (percent >= 50 && age is >= 0 and <= 17) count++;
        }
        return count;
    }
}
