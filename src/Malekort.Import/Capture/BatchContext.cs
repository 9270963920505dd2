using Malekort.Import.Limits;

namespace Malekort.Import.Capture;

/// <summary>
/// What the files of one batch share while they are read: findings, persons, code lists, the period and the import time
/// (<paramref name="now"/>), which no event can come after.
/// </summary>
internal sealed class BatchContext(FindingLog log, PersonIndex persons, BatchDescription? description, DateTimeOffset now)
{
    public FindingLog Log => log;

    public PersonIndex Persons => persons;

    public CodeList BenefitTypes { get; } = new(CaptureFiles.BenefitTypes);

    public CodeList CaseTypes { get; } = new(CaptureFiles.CaseTypes);

    /// <summary>
    /// Event records must be dated inside the batch period (spec "Cross-file rules") and not after the import day
    /// (<see cref="BatchLimits.EventDay"/>). Without a valid batch.json the period is unknown; the batch is rejected for that
    /// already.
    /// </summary>
    public void CheckInPeriod(in CsvRow row, CsvColumn column, DateOnly date)
    {
        if (BatchLimits.EventDay(column.Name, date, now) is { } impossible)
        {
            row.Error(column.Name, impossible);
            return;
        }
        if (description is null || (date >= description.PeriodFrom && date <= description.PeriodTo)) return;
        var period = $"{CellValues.Text(description.PeriodFrom)}–{CellValues.Text(description.PeriodTo)}";
        row.Error(column.Name,
            $"{column.Name} {CellValues.Text(date)} er utenfor batchens periode {period} (period_from–period_to i batch.json).");
    }

    /// <summary>Opens a file that refers to persons: the person column counts as known, its checks are the index's.</summary>
    public CsvTable? Open(string name, BatchFile content, string[] required, string[] optional) =>
        CsvTable.Open(name, content, log, required, [PersonIndex.IdColumn, PersonIndex.FnrColumn, .. required, .. optional]);
}
