using System.Data.Common;
using Malekort.Capture;

namespace Malekort.Storage;

/// <summary>The readable tables of conditions, exemptions from the activity duty and sanctions (migration 0006).</summary>
public abstract partial class SqlStore
{
    private void WriteConditions(DbConnection c, DbTransaction t, long batchId, CaptureBatch batch, Dictionary<string, long> people)
    {
        using (var rows = BeginRows(c, t, "conditions", "batch_id", "person_id", "decided_date", "valid_from", "valid_to", "codes"))
        {
            foreach (var k in batch.Conditions)
            {
                rows.Add(batchId); rows.Add(people[k.PersonKey]); rows.Add(CalendarDates.ToInt(k.DecidedDate));
                rows.Add(CalendarDates.ToInt(k.ValidFrom)); rows.Add(CalendarDates.ToInt(k.ValidTo)); rows.Add(string.Join('|', k.Codes));
                rows.EndRow();
            }
            rows.Complete();
        }
        using (var rows = BeginRows(c, t, "activity_exemptions", "batch_id", "person_id", "decided_date", "grounds"))
        {
            foreach (var e in batch.Exemptions)
            {
                rows.Add(batchId); rows.Add(people[e.PersonKey]); rows.Add(CalendarDates.ToInt(e.DecidedDate)); rows.Add(string.Join('|', e.Grounds));
                rows.EndRow();
            }
            rows.Complete();
        }
        using (var rows = BeginRows(c, t, "sanctions", "batch_id", "person_id", "sanction_year", "sanction_date", "kind"))
        {
            foreach (var s in batch.Sanctions)
            {
                rows.Add(batchId); rows.Add(people[s.PersonKey]); rows.Add(s.Year); rows.Add(CalendarDates.ToInt(s.Date)); rows.Add(s.Kind);
                rows.EndRow();
            }
            rows.Complete();
        }
    }
}
