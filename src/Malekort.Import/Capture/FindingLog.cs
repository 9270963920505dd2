using Malekort.DataQuality;
using Malekort.Import.Limits;
using Malekort.Units;

namespace Malekort.Import.Capture;

/// <summary>
/// The findings of one read, in the order met (bounded: the first of each kind are listed, the rest counted), and whether
/// any rejects the batch.
/// </summary>
internal sealed class FindingLog
{
    private const int MaxShownLength = 40;
    private readonly BoundedFindings findings = new();

    public IReadOnlyList<Finding> Findings => findings.ToList();

    public bool Rejects => findings.Rejects;

    /// <summary>The unit the input says it is for, once read (<see cref="ReadResult{T}.Unit"/>).</summary>
    public UnitCode? Unit { get; set; }

    /// <summary>How many rejecting findings have been added so far, listed or not.</summary>
    public long Rejecting => findings.Rejecting;

    public void Add(Severity severity, string file, int line, string column, string message) =>
        findings.Add(new Finding(severity, file, line, column, message));

    /// <summary>A finding as it is, which may stand for several (<see cref="Finding.Count"/>).</summary>
    public void Add(Finding finding) => findings.Add(finding);

    public void Fatal(string file, int line, string message) => Add(Severity.Fatal, file, line, "", message);

    public void Error(string file, int line, string column, string message) => Add(Severity.Error, file, line, column, message);

    public void Warning(string file, int line, string column, string message) => Add(Severity.Warning, file, line, column, message);

    /// <summary>
    /// Runs a whole read of the input at <paramref name="path"/> with a fresh log, and never throws: an unexpected exception
    /// becomes a fatal finding on the input, which <paramref name="subject"/> names in the message ("Batchen",
    /// "Digisos-filen"), and the input is rejected whole.
    /// </summary>
    public static ReadResult<T> ReadWhole<T>(string path, string subject, Func<FindingLog, T?> read) where T : class
    {
        var log = new FindingLog();
        try
        {
            return ReadResult<T>.From(read(log), log.Findings) with { Unit = log.Unit };
        }
        catch (Exception e) // no input may escape as an exception: whatever went wrong becomes a finding
        {
            log.Fatal(Shown(Path.GetFileName(Path.TrimEndingDirectorySeparator(path ?? ""))), 0,
                $"{subject} kunne ikke leses på grunn av en uventet feil ({e.GetType().Name}); ingenting er lagret.");
            return ReadResult<T>.Reject(log.Findings) with { Unit = log.Unit };
        }
    }

    /// <summary>
    /// A value as a message may show it. Anything holding 11 or more digits could be a fødselsnummer, in whatever column
    /// it was put by mistake, so it is never echoed: a finding must not carry a raw number to logs or screens.
    /// </summary>
    public static string Shown(ReadOnlySpan<char> value)
    {
        var digits = 0;
        foreach (var c in value)
        {
            if (c is >= '0' and <= '9' && ++digits >= Pseudonyms.Fodselsnummer.Length)
                return "(verdien vises ikke fordi den kan være et fødselsnummer)";
        }
        if (value.IsEmpty) return "(tom)";
        var text = value.Length > MaxShownLength ? string.Concat(value[..MaxShownLength], "…") : value.ToString();
        // Leading or trailing spaces are invisible in a message unless the value is quoted.
        return char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) ? $"«{text}»" : text;
    }
}
