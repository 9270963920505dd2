using Malekort.DataQuality;

namespace Malekort.Import.Limits;

/// <summary>The one bound on findings every reader shares: the first of each kind listed, the rest counted exactly.</summary>
public sealed class BoundedFindingsTests
{
    [Fact]
    public void A_kind_met_a_thousand_times_lists_the_first_hundred_and_one_line_counting_the_rest()
    {
        var findings = new BoundedFindings();
        for (var line = 2; line < 1002; line++)
            findings.Add(new Finding(Severity.Error, "payments.csv", line, "amount", $"amount på linje {line} er ikke et tall."));
        findings.Add(new Finding(Severity.Warning, "payments.csv", 1, "ukjent", "Ukjent kolonne."));

        var list = findings.ToList();

        var amount = list.Where(f => f.Column == "amount").ToList();
        Assert.Equal(InputLimits.FindingsPerKind + 1, amount.Count);
        Assert.Equal(Enumerable.Range(2, InputLimits.FindingsPerKind), amount.Take(InputLimits.FindingsPerKind).Select(f => f.Line));
        var summary = amount[^1];
        Assert.Equal((Severity.Error, 0, 900), (summary.Severity, summary.Line, summary.Count));
        Assert.Equal("900 funn til av samme slag er ikke vist: 1\u00A0000 i alt, de 100 første står i listen.", summary.Message);
        Assert.Equal(1001, Finding.Total(list));
        Assert.Equal(1000, findings.Rejecting);
    }

    [Fact]
    public void Findings_of_more_kinds_than_the_list_holds_are_counted_on_one_line_per_severity()
    {
        var findings = new BoundedFindings();
        for (var i = 0; i < InputLimits.FindingsListed + 250; i++)
            findings.Add(new Finding(Severity.Warning, "batch.json", 1, $"felt{i}", "Ukjent felt blir ignorert."));

        var list = findings.ToList();

        Assert.Equal(InputLimits.FindingsListed + 1, list.Count);
        Assert.Equal(250, list[^1].Count);
        Assert.Equal("batch.json", list[^1].File);
        Assert.Equal(InputLimits.FindingsListed + 250, Finding.Total(list));
        Assert.False(findings.Rejects);
    }

    [Fact]
    public void The_list_never_holds_more_than_its_bound_whatever_the_mix()
    {
        var findings = new BoundedFindings();
        for (var i = 0; i < 200_000; i++)
            findings.Add(new Finding((Severity)(i % 4), $"fil{i % 7}.csv", i, $"kolonne{i % 97}", "Noe er galt."));

        var list = findings.ToList();

        // Listed findings, one summing-up line per kind, one line per severity for kinds past the bound.
        Assert.True(list.Count <= (2 * InputLimits.FindingsListed) + 4, $"{list.Count} funn i listen");
        Assert.Equal(200_000, Finding.Total(list));
    }
}
