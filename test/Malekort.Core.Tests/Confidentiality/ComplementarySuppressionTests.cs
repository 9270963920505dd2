namespace Malekort.Confidentiality;

public sealed class ComplementarySuppressionTests
{
    // Cells are numbered by the test; values and ownership are looked up in small dictionaries.
    private static HashSet<int> Run(Dictionary<int, long> values, IEnumerable<int> primary, AdditiveRelation[] relations, params int[] own)
    {
        var hidden = primary.ToHashSet();
        ComplementarySuppression.Apply(relations, hidden, c => values[c], c => !own.Contains(c));
        return hidden;
    }

    [Fact]
    public void Total_and_all_but_one_part_shown_hides_the_smallest_other_part()
    {
        var values = new Dictionary<int, long> { [0] = 10, [1] = 2, [2] = 3, [3] = 5 };
        var hidden = Run(values, [1], [new(0, [1, 2, 3])]);
        Assert.Equal([1, 2], hidden.Order());
    }

    [Fact]
    public void Two_hidden_parts_need_nothing_more()
    {
        var values = new Dictionary<int, long> { [0] = 10, [1] = 2, [2] = 1, [3] = 7 };
        var hidden = Run(values, [1, 2], [new(0, [1, 2, 3])]);
        Assert.Equal([1, 2], hidden.Order());
    }

    [Fact]
    public void Nothing_hidden_hides_nothing()
    {
        var values = new Dictionary<int, long> { [0] = 10, [1] = 4, [2] = 6 };
        Assert.Empty(Run(values, [], [new(0, [1, 2])]));
    }

    [Fact]
    public void A_part_that_is_not_zero_is_preferred_to_a_zero_part()
    {
        var values = new Dictionary<int, long> { [0] = 9, [1] = 1, [2] = 0, [3] = 8 };
        var hidden = Run(values, [1], [new(0, [1, 2, 3])]);
        Assert.Equal([1, 3], hidden.Order());
    }

    [Fact]
    public void When_only_zero_parts_are_left_a_zero_part_is_hidden()
    {
        var values = new Dictionary<int, long> { [0] = 2, [1] = 2, [2] = 0, [3] = 0 };
        var hidden = Run(values, [1], [new(0, [1, 2, 3])]);
        Assert.Equal([1, 2], hidden.Order());
    }

    [Fact]
    public void When_no_part_can_be_hidden_the_total_is_hidden()
    {
        // The office serves one unit: its total is that unit's number.
        var values = new Dictionary<int, long> { [0] = 2, [1] = 2 };
        var hidden = Run(values, [1], [new(0, [1])]);
        Assert.Equal([0, 1], hidden.Order());
    }

    [Fact]
    public void A_hidden_total_with_every_part_shown_hides_a_part()
    {
        var values = new Dictionary<int, long> { [0] = 7, [1] = 3, [2] = 4 };
        var hidden = Run(values, [0], [new(0, [1, 2])]);
        Assert.Equal([0, 1], hidden.Order());
    }

    [Fact]
    public void Cells_of_the_viewers_own_office_are_never_hidden()
    {
        // Parts 2 and 3 are the viewer's own units; only the total is left to hide.
        var values = new Dictionary<int, long> { [0] = 10, [1] = 2, [2] = 3, [3] = 5 };
        var hidden = Run(values, [1], [new(0, [1, 2, 3])], own: [2, 3]);
        Assert.Equal([0, 1], hidden.Order());
    }

    [Fact]
    public void Nothing_is_hidden_when_every_other_cell_is_the_viewers_own()
    {
        var values = new Dictionary<int, long> { [0] = 10, [1] = 2, [2] = 8 };
        var hidden = Run(values, [1], [new(0, [1, 2])], own: [0, 2]);
        Assert.Equal([1], hidden.Order());
    }

    [Fact]
    public void Hiding_a_second_part_cascades_into_the_next_relation()
    {
        // County 0 = offices 1 + 2; office 2 = units 3 + 4. Unit 3 is hidden; office 2's relation hides unit 4,
        // which leaves the county's relation alone (office 2 itself is still shown).
        // A second county 10 = units 4 + 11 then has one hidden part (4) and hides 11.
        var values = new Dictionary<int, long> { [0] = 20, [1] = 12, [2] = 8, [3] = 2, [4] = 6, [10] = 9, [11] = 3 };
        var hidden = Run(values, [3], [new(0, [1, 2]), new(2, [3, 4]), new(10, [4, 11])]);
        Assert.Equal([3, 4, 11], hidden.Order());
    }

    [Fact]
    public void Returns_how_many_cells_it_added()
    {
        var hidden = new HashSet<int> { 1 };
        var added = ComplementarySuppression.Apply([new(0, [1, 2, 3])], hidden, c => c + 1, _ => true);
        Assert.Equal(1, added);
    }
}
