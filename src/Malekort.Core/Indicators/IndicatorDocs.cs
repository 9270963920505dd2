using System.Globalization;
using System.Text;

namespace Malekort.Indicators;

/// <summary>
/// The declarations section of <c>docs/indicators.md</c>, generated from <see cref="IndicatorCatalog.Declared"/> with every
/// version's rule, so the document cannot drift from what the engine computes. <c>malekort definitions --write
/// docs/indicators.md</c> rewrites it; a test checks the committed file equals the generated one.
/// </summary>
public static class IndicatorDocs
{
    /// <summary>The line the generated section starts with.</summary>
    public const string Begin = "<!-- BEGIN generated from IndicatorCatalog by `malekort definitions --write docs/indicators.md`; do not edit -->";

    /// <summary>The line the generated section ends with.</summary>
    public const string End = "<!-- END generated -->";

    /// <summary>The document with its generated section replaced by today's declarations (appended when it has none).</summary>
    public static string Rewrite(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var begin = document.IndexOf(Begin, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin) return document.TrimEnd('\n') + "\n\n" + Section();
        var rest = document[(end + End.Length)..].TrimStart('\n');
        return document[..begin] + Section() + (rest.Length == 0 ? "" : "\n" + rest);
    }

    /// <summary>The generated section, markers included, ending with a newline.</summary>
    public static string Section()
    {
        var text = new StringBuilder();
        text.Append(Begin).Append('\n');
        text.Append("## Declarations and definition versions\n\n");
        text.Append("Every indicator as the code declares it (`IndicatorCatalog`): the engine counter its numerator shows, its denominator, ");
        text.Append("the parts of a batch it needs captured in M, how far back it looks, and every version with the months it applies in. ");
        text.Append("A later version is computed beside the earlier one under its own code (`code.vN`) in the months both apply; ");
        text.Append("the earlier version keeps its code and its numbers.\n\n");
        text.Append("| code | version | applies | numerator | counter | denominator | needs | looks back | value | better |\n");
        text.Append("|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var d in IndicatorCatalog.Declared)
        {
            Row(text, d.Code, d, "1", Applies(d.LaterVersions.Count == 0 ? null : "from the start", d.ValidFrom, d.ValidUntil), d.Numerator, d.Rule);
            foreach (var v in d.LaterVersions)
                Row(text, $"{d.Code}.v{v.Number}", d, v.Number.ToString(CultureInfo.InvariantCulture), Applies(null, v.From, v.Until),
                    $"{v.Numerator}. *Endring:* {v.Change}", v.Rule);
        }
        text.Append(End).Append('\n');
        return text.ToString();
    }

    private static void Row(StringBuilder text, string code, IndicatorDefinition d, string version, string applies, string numerator, IndicatorRule rule)
    {
        string[] cells =
        [
            code, version, applies, numerator, $"`{rule.Counts}`", Denominator(d, rule.Per), Parts(rule.Needs),
            rule.LookBackMonths <= 1 ? "–" : $"{rule.LookBackMonths} months of {Parts(rule.LookBackPart)}",
            d.Kind switch { ValueKind.Count => "count", ValueKind.Percent => "per cent", _ => "mean" },
            d.Direction == Direction.HigherIsBetter ? "higher" : "lower",
        ];
        text.Append("| ").AppendJoin(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
    }

    private static string Applies(string? always, Periods.Month? from, Periods.Month? until) => (from, until) switch
    {
        (null, null) => always ?? "always",
        ({ } f, null) => $"from {f}",
        (null, { } u) => $"until {u}",
        ({ } f, { } u) => $"{f} – {u}",
    };

    private static string Denominator(IndicatorDefinition d, Per per) => per.Kind switch
    {
        PerKind.One => "1",
        PerKind.Population => $"SSB {(per.Group == Population.AgeGroup.Aged18To66 ? "18–66" : "18–24")}: {d.Denominator}",
        _ => $"`{per.Counts}` ({Parts(per.Needs)}): {d.Denominator}",
    };

    private static string Parts(DataParts parts) => parts == DataParts.None
        ? "–"
        : string.Join(", ", Enum.GetValues<DataParts>().Where(p => p != DataParts.None && parts.HasFlag(p)).Select(p => p.ToString().ToLowerInvariant()));
}
