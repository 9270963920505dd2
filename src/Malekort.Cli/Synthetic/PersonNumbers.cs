namespace Malekort.Cli.Synthetic;

/// <summary>
/// The fødselsnummer of each simulated person of one unit, handed out the first time a batch refers to the
/// person, from an allocator shared by all units so that no two persons get the same number.
/// </summary>
internal sealed class PersonNumbers(SyntheticFodselsnummer allocator, UnitHistory history)
{
    private readonly string?[] numbers = new string?[history.Persons.Count];

    public string Of(int person)
    {
        if (numbers[person] is { } known) return known;
        var row = history.Persons[person];
        return numbers[person] = allocator.Next(DateOnly.FromDayNumber(row.Birth), row.Sex);
    }
}
