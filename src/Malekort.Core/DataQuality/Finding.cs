namespace Malekort.DataQuality;

/// <summary>How serious a finding is. Severities follow SSB's KOSTRA control program.</summary>
public enum Severity
{
    /// <summary>Worth knowing; the data is stored.</summary>
    Info,
    /// <summary>Suspicious; the data is stored and the warning shown.</summary>
    Warning,
    /// <summary>Breaks a rule: the whole import is rejected.</summary>
    Error,
    /// <summary>The file cannot be read at all: the whole import is rejected.</summary>
    Fatal,
}

/// <summary>
/// One thing wrong (or worth knowing) about an input: where (file, line, column) and why.
/// </summary>
/// <param name="Severity">How serious.</param>
/// <param name="File">The file name as the user knows it (within a batch: its name in the batch).</param>
/// <param name="Line">1-based line (record) number; 0 when the finding is about the whole file.</param>
/// <param name="Column">The column or field name; empty when not about one field.</param>
/// <param name="Message">Why, in Norwegian, saying what was found and what was expected.</param>
/// <param name="Rule">The rule's id where the rule has one (e.g. SSB's <c>026</c>); empty otherwise.</param>
public sealed record Finding(Severity Severity, string File, int Line, string Column, string Message, string Rule = "")
{
    /// <summary>Whether the finding rejects the import (error or fatal).</summary>
    public bool Rejects => Severity >= Severity.Error;

    /// <summary>
    /// How many findings this line stands for: 1, or for a line that sums up findings left out of a long list (an input
    /// reports only the first of each kind, see <c>Malekort.Import.Limits.BoundedFindings</c>), how many were left out.
    /// Totals are the sum of the counts (<see cref="Total"/>), so they stay exact however many lines are kept.
    /// </summary>
    public int Count { get; init; } = 1;

    /// <summary>How many findings the lines stand for: the sum of their <see cref="Count"/>s.</summary>
    public static long Total(IEnumerable<Finding> findings, Func<Finding, bool>? which = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        long total = 0;
        foreach (var finding in findings)
        {
            if (which is null || which(finding)) total += finding.Count;
        }
        return total;
    }

    /// <summary><c>file:line: column: message</c>, the form compilers use, so editors can jump to it.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        var rule = Rule.Length > 0 ? $" [{Rule}]" : "";
        var column = Column.Length > 0 ? $" {Column}:" : "";
        return $"{where}:{column} {SeverityName(Severity)}{rule}: {Message}";
    }

    /// <summary>The Norwegian name of a severity.</summary>
    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Warning => "advarsel",
        Severity.Error => "feil",
        Severity.Fatal => "fatal",
        _ => severity.ToString(),
    };
}
