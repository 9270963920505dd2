using Malekort.DataQuality;
using Malekort.Import.Limits;
using Malekort.Units;

namespace Malekort.Import.Kostra;

/// <summary>
/// The findings of one read, in the order met. A rule that fires on many records lists the first
/// <see cref="InputLimits.FindingsPerKind"/> and then one line saying how many more there are (<see cref="BoundedFindings"/>),
/// so a broken file cannot flood the log.
/// </summary>
internal sealed class RuleReport(string file)
{
    private readonly BoundedFindings findings = new();

    /// <summary>Whether any finding rejects the file (error or fatal).</summary>
    public bool Rejects => findings.Rejects;

    /// <summary>Whether a fatal finding stops further rules (SSB's FATAL).</summary>
    public bool Fatal { get; private set; }

    /// <summary>The one unit every record (or the name of a file without records) is for, once read; null when not known or
    /// when the records name several (<see cref="ReadResult{T}.Unit"/>).</summary>
    public UnitCode? Unit { get; set; }

    /// <summary>A finding of one of SSB's rules, with SSB's severity.</summary>
    public void Add(KostraRule rule, int line, string column, string message) =>
        Add(new Finding(rule.Severity, file, line, column, message, rule.Id));

    /// <summary>A finding of Målekort's own (reading or mapping), with no SSB rule id.</summary>
    public void Own(Severity severity, int line, string column, string message) =>
        Add(new Finding(severity, file, line, column, message));

    /// <summary>Every listed finding, with a closing line for each kind that had more than were listed.</summary>
    public IReadOnlyList<Finding> Findings() => findings.ToList();

    private void Add(Finding finding)
    {
        if (finding.Severity == Severity.Fatal) Fatal = true;
        findings.Add(finding);
    }
}
