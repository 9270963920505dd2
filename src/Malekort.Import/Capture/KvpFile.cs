using Malekort.Capture;
using Malekort.Indicators;

namespace Malekort.Import.Capture;

/// <summary>kvp.csv: qualification programme participations (KOSTRA 11CF codes).</summary>
internal static class KvpFile
{
    private static readonly string[] SituationCodes = [.. KvpSituation.All.Select(s => s.Code)];

    public static List<KvpRecord> Read(BatchContext batch, BatchFile content)
    {
        var records = new List<KvpRecord>();
        using var table = batch.Open(CaptureFiles.Kvp, content, ["start_date"],
            ["registered_date", "decision_date", "end_date", "status", "situation_after"]);
        if (table is null) return records;
        var person = batch.Persons.Resolve(table);
        var registeredDate = table.Column("registered_date");
        var decisionDate = table.Column("decision_date");
        var startDate = table.Column("start_date");
        var endDate = table.Column("end_date");
        var status = table.Column("status");
        var situationAfter = table.Column("situation_after");
        foreach (var row in table)
        {
            var key = person.Reference(row);
            var registered = row.Date(registeredDate, required: false);
            var decided = row.Date(decisionDate, required: false);
            var started = row.Date(startDate, required: true);
            var ended = row.Date(endDate, required: false);
            // The dates in the order a participation runs: registered, decided, started, ended.
            InOrder(row, (registeredDate, registered), (decisionDate, decided), (startDate, started), (endDate, ended));
            var statusCode = row.Integer(status, required: false, 1, 7);
            var situations = CodeCells.Read(row, situationAfter, required: false, SituationCodes, "AVSL-kode fra KOSTRA 11CF");
            if (row.Failed || key is null || started is null) continue;
            records.Add(new KvpRecord(key, registered, decided, started.Value, ended, statusCode, situations));
        }
        return records;
    }

    private static void InOrder(in CsvRow row, params ReadOnlySpan<(CsvColumn Column, DateOnly? Date)> dates)
    {
        (CsvColumn Column, DateOnly? Date)? previous = null;
        foreach (var current in dates)
        {
            if (current.Date is null) continue;
            if (previous is { } before) row.InOrder(before.Column, before.Date, current.Column, current.Date);
            previous = current;
        }
    }
}
