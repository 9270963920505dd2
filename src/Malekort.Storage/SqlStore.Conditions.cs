using System.Data.Common;
using Malekort.Capture;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>The readable tables of conditions, exemptions from the activity duty and sanctions (migration 0006).</summary>
public abstract partial class SqlStore
{
    private void WriteConditions(DbConnection c, DbTransaction t, List<(CaptureBatch Batch, long Id)> fresh,
        Dictionary<UnitCode, Dictionary<string, long>> people)
    {
        WriteTable(c, t, fresh, b => b.Conditions, "conditions", ["person_id", "decided_date", "valid_from", "valid_to", "codes"], (rows, k, ids) =>
        {
            rows.Add(ids[k.PersonKey]); rows.Add(CalendarDates.ToInt(k.DecidedDate));
            rows.Add(CalendarDates.ToInt(k.ValidFrom)); rows.Add(CalendarDates.ToInt(k.ValidTo)); rows.Add(string.Join('|', k.Codes));
        }, people);
        WriteTable(c, t, fresh, b => b.Exemptions, "activity_exemptions", ["person_id", "decided_date", "grounds"], (rows, e, ids) =>
        {
            rows.Add(ids[e.PersonKey]); rows.Add(CalendarDates.ToInt(e.DecidedDate)); rows.Add(string.Join('|', e.Grounds));
        }, people);
        WriteTable(c, t, fresh, b => b.Sanctions, "sanctions", ["person_id", "sanction_year", "sanction_date", "kind"], (rows, s, ids) =>
        {
            rows.Add(ids[s.PersonKey]); rows.Add(s.Year); rows.Add(CalendarDates.ToInt(s.Date)); rows.Add(s.Kind);
        }, people);
    }
}
