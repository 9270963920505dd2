using Malekort.DataQuality;
using Malekort.Import.Limits;

namespace Malekort.Import;

/// <summary>The findings about one file, all carrying its name (bounded: the first of each kind are listed, the rest counted).</summary>
internal sealed class FileFindings(string file)
{
    private readonly BoundedFindings items = new();

    public string File => file;

    public IReadOnlyList<Finding> Items => items.ToList();

    public bool Rejects => items.Rejects;

    public void Add(Severity severity, int line, string column, string message) =>
        items.Add(new Finding(severity, file, line, column, message));

    public void Info(int line, string column, string message) => Add(Severity.Info, line, column, message);

    public void Warning(int line, string column, string message) => Add(Severity.Warning, line, column, message);

    public void Error(int line, string column, string message) => Add(Severity.Error, line, column, message);

    public void Fatal(int line, string column, string message) => Add(Severity.Fatal, line, column, message);
}
