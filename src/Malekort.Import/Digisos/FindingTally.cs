using Malekort.DataQuality;
using Malekort.Import.Capture;
using Malekort.Import.Limits;
using static System.FormattableString;

namespace Malekort.Import.Digisos;

/// <summary>
/// Findings about events, where the same thing is often wrong many times (every Socio saksStatus has <c>orginalSak</c>):
/// the same severity, column and message are reported once, with how many times and the first line.
/// </summary>
internal sealed class FindingTally(string file)
{
    private readonly Dictionary<(Severity, string, string), int> index = [];
    private readonly List<Entry> entries = [];
    // Distinct findings past the bound, by severity: a file of a million different messages is counted, not kept.
    private readonly Dictionary<Severity, int> unlisted = [];

    public void Info(int line, string column, string message) => Add(Severity.Info, line, column, message);

    public void Warning(int line, string column, string message) => Add(Severity.Warning, line, column, message);

    public void Error(int line, string column, string message) => Add(Severity.Error, line, column, message);

    public void Add(Severity severity, int line, string column, string message)
    {
        if (index.TryGetValue((severity, column, message), out var at))
        {
            entries[at].Count++;
            return;
        }
        if (entries.Count >= InputLimits.FindingsListed)
        {
            unlisted[severity] = unlisted.GetValueOrDefault(severity) + 1;
            return;
        }
        index[(severity, column, message)] = entries.Count;
        entries.Add(new Entry(severity, line, column, message));
    }

    /// <summary>Moves the findings to the log in the order first met.</summary>
    public void FlushTo(FindingLog log)
    {
        foreach (var e in entries)
        {
            var message = e.Count > 1 ? Invariant($"{e.Message} ({e.Count} ganger, første på linje {e.Line})") : e.Message;
            log.Add(e.Severity, file, e.Line, e.Column, message);
        }
        foreach (var (severity, count) in unlisted)
            log.Add(new Finding(severity, file, 0, "", Invariant($"{count} funn til med andre tekster er ikke vist.")) { Count = count });
        entries.Clear();
        index.Clear();
        unlisted.Clear();
    }

    private sealed class Entry(Severity severity, int line, string column, string message)
    {
        public Severity Severity { get; } = severity;
        public int Line { get; } = line;
        public string Column { get; } = column;
        public string Message { get; } = message;
        public int Count { get; set; } = 1;
    }
}
