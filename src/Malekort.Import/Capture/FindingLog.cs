using Malekort.DataQuality;

namespace Malekort.Import.Capture;

/// <summary>The findings of one read, in the order met, and whether any rejects the batch.</summary>
internal sealed class FindingLog
{
    private const int MaxShownLength = 40;
    private readonly List<Finding> findings = [];

    public IReadOnlyList<Finding> Findings => findings;

    public bool Rejects { get; private set; }

    public void Add(Severity severity, string file, int line, string column, string message)
    {
        findings.Add(new Finding(severity, file, line, column, message));
        if (severity >= Severity.Error) Rejects = true;
    }

    public void Fatal(string file, int line, string message) => Add(Severity.Fatal, file, line, "", message);

    public void Error(string file, int line, string column, string message) => Add(Severity.Error, file, line, column, message);

    public void Warning(string file, int line, string column, string message) => Add(Severity.Warning, file, line, column, message);

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
