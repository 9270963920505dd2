using System.Globalization;
using Malekort.DataQuality;

namespace Malekort.Import.Kostra;

/// <summary>
/// The findings of one read, in the order met. A rule that fires on many records reports the first
/// <see cref="MaxPerRule"/> and then one line saying how many more there are, so a broken file cannot flood the log.
/// </summary>
internal sealed class RuleReport(string file)
{
    public const int MaxPerRule = 100;

    private readonly List<Finding> findings = [];
    private readonly Dictionary<string, (KostraRule Rule, int Count)> perRule = new(StringComparer.Ordinal);

    /// <summary>Whether any finding rejects the file (error or fatal).</summary>
    public bool Rejects { get; private set; }

    /// <summary>Whether a fatal finding stops further rules (SSB's FATAL).</summary>
    public bool Fatal { get; private set; }

    /// <summary>A finding of one of SSB's rules, with SSB's severity.</summary>
    public void Add(KostraRule rule, int line, string column, string message)
    {
        var count = perRule.TryGetValue(rule.Id + rule.Severity, out var seen) ? seen.Count + 1 : 1;
        perRule[rule.Id + rule.Severity] = (rule, count);
        Note(rule.Severity);
        if (count <= MaxPerRule) findings.Add(new Finding(rule.Severity, file, line, column, message, rule.Id));
    }

    /// <summary>A finding of Målekort's own (reading or mapping), with no SSB rule id.</summary>
    public void Own(Severity severity, int line, string column, string message)
    {
        Note(severity);
        findings.Add(new Finding(severity, file, line, column, message));
    }

    /// <summary>Every finding, with a closing line for each rule that had more than were shown.</summary>
    public IReadOnlyList<Finding> Findings()
    {
        var all = new List<Finding>(findings);
        foreach (var (rule, count) in perRule.Values)
        {
            if (count > MaxPerRule)
                all.Add(new Finding(rule.Severity, file, 0, "", string.Create(CultureInfo.InvariantCulture,
                    $"Kontroll {rule.Id} ({rule.Title}) slo til {count} ganger; bare de {MaxPerRule} første er vist."), rule.Id));
        }
        return all;
    }

    private void Note(Severity severity)
    {
        if (severity >= Severity.Error) Rejects = true;
        if (severity == Severity.Fatal) Fatal = true;
    }
}
