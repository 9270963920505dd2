namespace Malekort.Confidentiality;

public sealed class ComplementarySuppressionTests
{
    /// <summary>A small table: cells numbered by the test, relations (total, parts), one stage unless cut.</summary>
    private sealed class Table(params long[] values)
    {
        private readonly List<(int Total, int[] Parts)> relations = [];
        private readonly HashSet<int> sensitive = [];
        private readonly HashSet<int> own = [];
        private readonly HashSet<int> unpublished = [];
        private int[] stageStart = [0, values.Length];

        public Table Sum(int total, params int[] parts)
        {
            relations.Add((total, parts));
            return this;
        }

        public Table Sensitive(params int[] cells) => With(sensitive, cells);

        public Table Own(params int[] cells) => With(own, cells);

        public Table Unpublished(params int[] cells) => With(unpublished, cells);

        /// <summary>Cells from <paramref name="firstOfSecond"/> on are a second stage (month).</summary>
        public Table Stages(int firstOfSecond)
        {
            stageStart = [0, firstOfSecond, values.Length];
            return this;
        }

        private Table With(HashSet<int> set, int[] cells)
        {
            set.UnionWith(cells);
            return this;
        }

        public ComplementarySuppression Run()
        {
            var graph = new RelationGraph(stageStart);
            foreach (var (total, parts) in relations.OrderBy(r => r.Parts.Append(r.Total).Max() >= stageStart[1] ? 1 : 0)) graph.Add(total, parts);
            var states = Enumerable.Range(0, values.Length)
                .Select(c => own.Contains(c) ? CellState.Known : unpublished.Contains(c) ? CellState.Unpublished : CellState.Hideable).ToArray();
            var flags = Enumerable.Range(0, values.Length).Select(sensitive.Contains).ToArray();
            return ComplementarySuppression.Run(new SuppressionTable(graph.Seal(), values, states, flags));
        }

        public int[] Hidden() => [.. Run().Hidden.Select((h, c) => (h, c)).Where(x => x.h).Select(x => x.c)];
    }

    [Fact]
    public void Total_and_all_but_one_part_shown_hides_the_smallest_part_worth_the_missing_protection() =>
        Assert.Equal([1, 2], new Table(10, 2, 3, 5).Sum(0, 1, 2, 3).Sensitive(1).Hidden());

    [Fact]
    public void Two_hidden_parts_worth_three_together_need_nothing_more() =>
        Assert.Equal([1, 2], new Table(10, 2, 1, 7).Sum(0, 1, 2, 3).Sensitive(1, 2).Hidden());

    [Fact]
    public void Two_hidden_parts_worth_two_together_are_both_ones_so_a_third_is_hidden() =>
        Assert.Equal([1, 2, 3], new Table(10, 1, 1, 8).Sum(0, 1, 2, 3).Sensitive(1, 2).Hidden());

    [Fact]
    public void A_part_that_alone_gives_the_protection_is_preferred_to_a_smaller_one() =>
        Assert.Equal([1, 3], new Table(20, 1, 1, 4, 14).Sum(0, 1, 2, 3, 4).Sensitive(1).Hidden());

    [Fact]
    public void Nothing_hidden_hides_nothing() =>
        Assert.Empty(new Table(10, 4, 6).Sum(0, 1, 2).Hidden());

    [Fact]
    public void A_zero_part_adds_nothing_to_the_hidden_sum_so_a_part_with_a_value_is_hidden() =>
        Assert.Equal([1, 3], new Table(9, 1, 0, 8).Sum(0, 1, 2, 3).Sensitive(1).Hidden());

    [Fact]
    public void When_only_zero_parts_are_left_the_total_is_hidden() =>
        Assert.Equal([0, 1], new Table(2, 2, 0, 0).Sum(0, 1, 2, 3).Sensitive(1).Hidden());

    [Fact]
    public void When_no_part_can_be_hidden_the_total_is_hidden() =>
        Assert.Equal([0, 1], new Table(2, 2).Sum(0, 1).Sensitive(1).Hidden());

    [Fact]
    public void Cells_of_the_viewers_own_units_are_never_hidden() =>
        Assert.Equal([0, 1], new Table(10, 2, 3, 5).Sum(0, 1, 2, 3).Sensitive(1).Own(2, 3).Hidden());

    [Fact]
    public void When_every_other_cell_is_the_viewers_own_the_cell_is_counted_as_unprotected()
    {
        var run = new Table(10, 2, 8).Sum(0, 1, 2).Sensitive(1).Own(0, 2).Run();
        Assert.Equal([false, true, false], run.Hidden);
        Assert.Equal(1, run.Unprotected);
    }

    [Fact]
    public void A_second_cell_worked_out_exactly_elsewhere_gets_a_partner_there_too()
    {
        // County 0 = offices 1 + 2; office 2 = units 3 + 4; county 10 = units 4 + 11. Unit 3 is hidden; office 2 hides
        // unit 4, which county 10 would give away exactly, so it hides unit 11.
        var values = new long[12];
        (values[0], values[1], values[2], values[3], values[4], values[10], values[11]) = (20, 12, 8, 2, 6, 9, 3);
        var hidden = new Table(values).Sum(0, 1, 2).Sum(2, 3, 4).Sum(10, 4, 11).Sensitive(3).Hidden();
        Assert.Equal([3, 4, 11], hidden);
    }

    [Fact]
    public void An_unpublished_remainder_of_two_hides_its_subset_or_its_whole()
    {
        // Recipients 5 ⊇ long-term 3: 2 are not long-term, never published but shown by the pair.
        Assert.Equal([1], new Table(5, 3, 2).Sum(0, 1, 2).Unpublished(2).Sensitive(2).Hidden());
    }

    [Fact]
    public void An_unpublished_remainder_that_is_not_small_hides_nothing() =>
        Assert.Empty(new Table(9, 3, 6).Sum(0, 1, 2).Unpublished(2).Hidden());

    [Fact]
    public void A_hidden_cell_pinned_through_an_unpublished_remainder_is_protected_there_as_well() =>
        // Unit 1 (2) is hidden in office 0 = 1 + 2, so unit 2 goes too; unit 1 also includes 3 (1) and an unpublished
        // remainder 4 (1): with 3 hidden by the primary rule, 1, 3 and 4 stay unknown together.
        Assert.Equal([1, 2, 3], new Table(12, 2, 10, 1, 1).Sum(0, 1, 2).Sum(1, 3, 4).Unpublished(4).Sensitive(1, 3, 4).Hidden());

    [Fact]
    public void A_cell_worked_out_through_a_chain_of_relations_is_protected_where_the_chain_ends()
    {
        // Country 0 = counties 1 + 2; county 2 = units 3 + 4. Unit 3 (1) is hidden and unit 4 (5) with it: worth 6 together.
        Assert.Equal([3, 4], new Table(20, 14, 6, 1, 5).Sum(0, 1, 2).Sum(2, 3, 4).Sensitive(3).Hidden());
        // Both units and so their county are small: the country would give the county away, so county 1 goes too.
        Assert.Equal([1, 2, 3, 4], new Table(20, 18, 2, 1, 1).Sum(0, 1, 2).Sum(2, 3, 4).Sensitive(2, 3, 4).Hidden());
    }

    [Fact]
    public void A_hidden_total_pinned_by_a_shown_zero_and_the_viewers_own_cell_hides_the_zero() =>
        // Recipients 0 (2) = inflow 1 (0) + recipients of both months 2, which the viewer knows: the zero is hidden, since
        // here it is the total that would be worked out.
        Assert.Equal([0, 1], new Table(2, 0, 2).Sum(0, 1, 2).Own(2).Sensitive(0).Hidden());

    [Fact]
    public void A_small_count_that_two_relations_together_narrow_below_three_gets_one_more_hidden_cell()
    {
        // County 0 (10) = 1 (1, small) + 2 (3) + 3 (6): hiding 2 leaves 1 and 2 worth 4 together. But 2 (3) is also unit 4
        // (2, shown) + 5 (1, small), so 2 is at least 2 and 1 at most 10 − 2 − 6 = 2: too narrow, so 3 is hidden as well.
        var hidden = new Table(10, 1, 3, 6, 2, 1).Sum(0, 1, 2, 3).Sum(2, 4, 5).Sensitive(1, 5).Hidden();
        Assert.Contains(3, hidden);
        Assert.Contains(2, hidden);
    }

    [Fact]
    public void Ties_go_to_the_lower_cell_so_the_choice_is_the_same_every_time() =>
        Assert.Equal([1, 2], new Table(10, 2, 4, 4).Sum(0, 1, 2, 3).Sensitive(1).Hidden());

    [Fact]
    public void A_later_month_never_changes_what_an_earlier_month_hides()
    {
        // Month 0: county 0 = 1 + 2 + 3 with unit 1 small. Month 1: unit 4 = unit 1 (month 0) + flow 5, so unit 1 would
        // follow from 4 and 5 if both were shown: month 1 hides one of them, not another cell of month 0.
        var earlier = new Table(10, 2, 3, 5).Sum(0, 1, 2, 3).Sensitive(1).Hidden();
        var both = new Table(10, 2, 3, 5, 6, 4).Stages(4).Sum(0, 1, 2, 3).Sum(4, 1, 5).Sensitive(1).Hidden();
        Assert.Equal(earlier, both.Where(c => c < 4));
        Assert.Contains(both, c => c >= 4);
    }
}
