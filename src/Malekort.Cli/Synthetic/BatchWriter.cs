using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Malekort.Capture;

namespace Malekort.Cli.Synthetic;

/// <summary>
/// Writes one capture format v1 batch folder (docs/capture-format.md) from a unit's simulated history: the events
/// dated inside the batch's period, and the histories of the persons those events refer to, each as the source
/// system knew it when the batch was extracted.
/// </summary>
internal sealed class BatchWriter(UnitHistory history, PersonNumbers numbers)
{
    /// <summary>Writes the batch under <paramref name="outputDirectory"/> and returns its folder.</summary>
    public string Write(BatchPeriod period, string outputDirectory)
    {
        var folder = Path.Combine(outputDirectory, string.Create(CultureInfo.InvariantCulture,
            $"{history.Unit.Value}-{period.From:yyyy-MM-dd}_{period.To:yyyy-MM-dd}"));
        Directory.CreateDirectory(folder);
        var window = new Window(period.From.DayNumber, period.To.DayNumber, period.KnownBefore.DayNumber);
        var referenced = new bool[history.Persons.Count];

        WritePayments(Path.Combine(folder, "payments.csv"), window, referenced);
        WriteCases(Path.Combine(folder, "cases.csv"), window, referenced);
        WriteKvp(Path.Combine(folder, "kvp.csv"), window, referenced);
        WriteJobseekers(Path.Combine(folder, "jobseekers.csv"), window, referenced);
        WriteFollowups(Path.Combine(folder, "followups.csv"), window, referenced);
        WriteConditions(folder, window, referenced);
        WriteLivelihood(Path.Combine(folder, "livelihood.csv"), window, referenced);
        WriteFamily(Path.Combine(folder, "family.csv"), window, referenced);
        WritePersons(Path.Combine(folder, "persons.csv"), referenced);
        WriteCodeList(Path.Combine(folder, "benefit_types.csv"), CodeLists.BenefitTypes);
        WriteCodeList(Path.Combine(folder, "case_types.csv"), CodeLists.CaseTypes);
        WriteHeader(Path.Combine(folder, "batch.json"), period);
        return folder;
    }

    // The batch's period [From, To] and the first day its source system did not yet know about.
    private readonly record struct Window(int From, int To, int KnownBefore)
    {
        public bool Dates(int day) => day != SimDay.None && day >= From && day <= To && day < KnownBefore;

        public bool Knows(int day) => day != SimDay.None && day < KnownBefore;

        /// <summary>The day if it was known at extraction, else no day (an open end).</summary>
        public int AsKnown(int day) => Knows(day) ? day : SimDay.None;
    }

    private void WritePayments(string path, Window window, bool[] referenced)
    {
        using var csv = new CsvWriter(path,
            "payment_id", "fnr", "benefit_type", "amount", "status", "payment_date", "period_from", "period_to", "case_id");
        foreach (ref readonly var p in CollectionsMarshal.AsSpan(history.Payments))
        {
            // Dated by payment_date, or by period_from when there is none (capture format, "Cross-file rules").
            if (!window.Dates(p.PaymentDay != SimDay.None ? p.PaymentDay : p.PeriodFrom)) continue;
            var status = p.Status == PaymentStatus.Utbetalt && window.Knows(p.CancelDay) ? PaymentStatus.Annullert : p.Status;
            referenced[p.Person] = true;
            csv.Integer(p.Id);
            csv.Text(numbers.Of(p.Person));
            csv.Text(CodeLists.BenefitTypes[p.BenefitType].Code);
            csv.Kroner(p.Ore);
            csv.Text(CaptureCodes.TextOf(status));
            csv.Date(p.PaymentDay);
            csv.Date(p.PeriodFrom);
            csv.Date(p.PeriodTo);
            if (p.CaseId != 0) csv.Integer(p.CaseId);
            else csv.Empty();
            csv.EndRow();
        }
    }

    private void WriteCases(string path, Window window, bool[] referenced)
    {
        using var csv = new CsvWriter(path, "case_id", "fnr", "case_type", "received_date", "approved_date");
        foreach (ref readonly var c in CollectionsMarshal.AsSpan(history.Cases))
        {
            // Dated by received_date, or by approved_date when there is none; open cases show no approved_date.
            var approved = window.AsKnown(c.Approved);
            if (!window.Dates(c.Received != SimDay.None ? c.Received : approved)) continue;
            referenced[c.Person] = true;
            csv.Integer(c.Id);
            csv.Text(numbers.Of(c.Person));
            csv.Text(CodeLists.CaseTypes[c.CaseType].Code);
            csv.Date(c.Received);
            csv.Date(approved);
            csv.EndRow();
        }
    }

    private void WriteKvp(string path, Window window, bool[] referenced)
    {
        using var csv = new CsvWriter(path,
            "fnr", "registered_date", "decision_date", "start_date", "end_date", "status", "situation_after");
        foreach (ref readonly var k in CollectionsMarshal.AsSpan(history.Kvp))
        {
            if (!window.Knows(k.Start)) continue;
            var ended = window.Knows(k.End);
            if (ended && k.End < window.From) continue;
            referenced[k.Person] = true;
            // As known at extraction: a programme that ends later is still running (1) or on leave (2).
            var lastKnown = window.KnownBefore - 1;
            int status = ended ? k.EndStatus
                : k.LeaveFrom != SimDay.None && lastKnown >= k.LeaveFrom && lastKnown <= k.LeaveTo ? 2 : 1;
            csv.Text(numbers.Of(k.Person));
            csv.Date(k.Registered);
            csv.Date(k.Decision);
            csv.Date(k.Start);
            csv.Date(ended ? k.End : SimDay.None);
            csv.Integer(status);
            csv.Text(ended ? k.SituationAfter : null);
            csv.EndRow();
        }
    }

    private void WriteJobseekers(string path, Window window, bool[] referenced)
    {
        using var csv = new CsvWriter(path, "fnr", "group", "registered_from", "registered_to");
        foreach (ref readonly var j in CollectionsMarshal.AsSpan(history.Jobseekers))
        {
            if (!window.Knows(j.From) || j.To < window.From) continue;
            referenced[j.Person] = true;
            csv.Text(numbers.Of(j.Person));
            csv.Text(CaptureCodes.TextOf(j.Group));
            csv.Date(j.From);
            csv.Date(window.AsKnown(j.To));
            csv.EndRow();
        }
    }

    private void WriteFollowups(string path, Window window, bool[] referenced)
    {
        using var csv = new CsvWriter(path, "fnr", "date");
        foreach (ref readonly var f in CollectionsMarshal.AsSpan(history.Followups))
        {
            if (!window.Dates(f.Day)) continue;
            referenced[f.Person] = true;
            csv.Text(numbers.Of(f.Person));
            csv.Date(f.Day);
            csv.EndRow();
        }
    }

    /// <summary>conditions.csv, activity_exemptions.csv and sanctions.csv: each dated by its decision (or day) inside the period.</summary>
    private void WriteConditions(string folder, Window window, bool[] referenced)
    {
        using (var csv = new CsvWriter(Path.Combine(folder, "conditions.csv"), "fnr", "decided_date", "valid_from", "valid_to", "codes"))
        {
            foreach (ref readonly var c in CollectionsMarshal.AsSpan(history.Conditions))
            {
                if (!window.Dates(c.Decided)) continue;
                referenced[c.Person] = true;
                csv.Text(numbers.Of(c.Person));
                csv.Date(c.Decided);
                csv.Date(c.From);
                csv.Date(c.To);
                csv.Text(c.Codes);
                csv.EndRow();
            }
        }
        using (var csv = new CsvWriter(Path.Combine(folder, "activity_exemptions.csv"), "fnr", "decided_date", "grounds"))
        {
            foreach (ref readonly var e in CollectionsMarshal.AsSpan(history.Exemptions))
            {
                if (!window.Dates(e.Decided)) continue;
                referenced[e.Person] = true;
                csv.Text(numbers.Of(e.Person));
                csv.Date(e.Decided);
                csv.Text(e.Grounds);
                csv.EndRow();
            }
        }
        using (var csv = new CsvWriter(Path.Combine(folder, "sanctions.csv"), "fnr", "date", "kind"))
        {
            foreach (ref readonly var s in CollectionsMarshal.AsSpan(history.Sanctions))
            {
                if (!window.Dates(s.Day)) continue;
                referenced[s.Person] = true;
                csv.Text(numbers.Of(s.Person));
                csv.Date(s.Day);
                csv.Text(s.Kind);
                csv.EndRow();
            }
        }
    }

    private void WriteLivelihood(string path, Window window, bool[] referenced)
    {
        using var csv = new CsvWriter(path, "fnr", "valid_from", "source");
        foreach (ref readonly var l in CollectionsMarshal.AsSpan(history.Livelihood))
        {
            if (!referenced[l.Person] || !window.Knows(l.ValidFrom)) continue;
            csv.Text(numbers.Of(l.Person));
            csv.Date(l.ValidFrom);
            csv.Integer(l.Source);
            csv.EndRow();
        }
    }

    private void WriteFamily(string path, Window window, bool[] referenced)
    {
        using var csv = new CsvWriter(path, "fnr", "member_id", "relation", "member_birth_date", "calculation_percent",
            "provider_duty", "in_household", "valid_from", "valid_to");
        foreach (ref readonly var f in CollectionsMarshal.AsSpan(history.Family))
        {
            if (!referenced[f.Person]) continue;
            // A member who was not yet born, or a row not yet registered, was unknown at extraction.
            if (!window.Knows(f.MemberBirth) || (f.ValidFrom != SimDay.None && !window.Knows(f.ValidFrom))) continue;
            csv.Text(numbers.Of(f.Person));
            csv.Text(string.Create(CultureInfo.InvariantCulture, $"m-{f.Member}"));
            csv.Text(CaptureCodes.TextOf(f.Relation));
            csv.Date(f.MemberBirth);
            if (f.CalculationPercent >= 0) csv.Integer(f.CalculationPercent);
            else csv.Empty();
            Flag(csv, f.ProviderDuty);
            Flag(csv, f.InHousehold);
            csv.Date(f.ValidFrom);
            csv.Date(window.AsKnown(f.ValidTo));
            csv.EndRow();
        }
    }

    private static void Flag(CsvWriter csv, sbyte value)
    {
        if (value < 0) csv.Empty();
        else csv.Boolean(value == 1);
    }

    private void WritePersons(string path, bool[] referenced)
    {
        using var csv = new CsvWriter(path, "fnr", "birth_date", "sex");
        var persons = CollectionsMarshal.AsSpan(history.Persons);
        for (var i = 0; i < persons.Length; i++)
        {
            if (!referenced[i]) continue;
            csv.Text(numbers.Of(i));
            csv.Date(persons[i].Birth);
            csv.Integer((int)persons[i].Sex);
            csv.EndRow();
        }
    }

    private static void WriteCodeList(string path, IReadOnlyList<SourceCode> codes)
    {
        using var csv = new CsvWriter(path, "code", "name", "category");
        foreach (var code in codes)
        {
            csv.Text(code.Code);
            csv.Text(code.Name);
            csv.Text(CaptureCodes.TextOf(code.Category));
            csv.EndRow();
        }
    }

    private void WriteHeader(string path, BatchPeriod period)
    {
        using var stream = File.Create(path);
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("format", "malekort-capture");
            json.WriteNumber("version", 1);
            json.WriteString("source_system", history.SourceSystem);
            json.WriteString("unit", history.Unit.Value);
            json.WriteString("period_from", period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("period_to", period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("extracted_at", period.ExtractedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }
}
