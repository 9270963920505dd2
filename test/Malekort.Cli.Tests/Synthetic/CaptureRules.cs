using System.Globalization;

namespace Malekort.Cli.Synthetic;

/// <summary>
/// The rules of docs/capture-format.md that can be checked without the importer, written out again here so the
/// generator is checked against the format and not against itself. Returns every violation, as the importer would.
/// </summary>
internal static class CaptureRules
{
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["persons.csv"] = ["fnr", "birth_date", "sex"],
        ["benefit_types.csv"] = ["code", "name", "category"],
        ["payments.csv"] = ["payment_id", "fnr", "benefit_type", "amount", "status", "payment_date", "period_from", "period_to", "case_id"],
        ["livelihood.csv"] = ["fnr", "valid_from", "source"],
        ["family.csv"] = ["fnr", "member_id", "relation", "member_birth_date", "calculation_percent", "provider_duty", "in_household",
            "valid_from", "valid_to"],
        ["case_types.csv"] = ["code", "name", "category"],
        ["cases.csv"] = ["case_id", "fnr", "case_type", "received_date", "approved_date"],
        ["kvp.csv"] = ["fnr", "registered_date", "decision_date", "start_date", "end_date", "status", "situation_after"],
        ["jobseekers.csv"] = ["fnr", "group", "registered_from", "registered_to"],
        ["followups.csv"] = ["fnr", "date"],
        ["conditions.csv"] = ["fnr", "decided_date", "valid_from", "valid_to", "codes"],
        ["activity_exemptions.csv"] = ["fnr", "decided_date", "grounds"],
        ["sanctions.csv"] = ["fnr", "date", "kind"],
    };

    private static readonly HashSet<string> SituationCodes = new(["01", "11", "03", "04", "13", "14", "15", "16", "10", "17"], StringComparer.Ordinal);
    private static readonly string[] ConditionCodes = ["16", "17", "04", "06", "07", "08", "10", "18", "14", "15", "19", "20"];
    private static readonly string[] Grounds = ["01", "02", "03", "04"];

    public static List<string> Check(CaptureFolder batch)
    {
        var errors = new List<string>();
        void Fail(string file, CsvRecord? row, string why) => errors.Add($"{Path.GetFileName(batch.Path)}/{file}{(row is null ? "" : $" line {row.Line}")}: {why}");

        if (batch.Header.GetProperty("format").GetString() != "malekort-capture") Fail("batch.json", null, "format");
        if (batch.Header.GetProperty("version").GetInt32() != 1) Fail("batch.json", null, "version");
        if (batch.From > batch.To) Fail("batch.json", null, "period_from after period_to");
        if (batch.ExtractedAt.UtcDateTime.Date <= batch.To.ToDateTime(TimeOnly.MinValue)) Fail("batch.json", null, "extracted before the period ended");
        var district = batch.Unit.Length == 6;

        foreach (var (file, columns) in Columns)
        {
            if (!batch.Files.TryGetValue(file, out var table)) Fail(file, null, "missing");
            else if (!table.Header.Order(StringComparer.Ordinal).SequenceEqual(columns.Order(StringComparer.Ordinal), StringComparer.Ordinal))
                Fail(file, null, $"columns {string.Join(',', table.Header)}");
        }
        if (errors.Count > 0) return errors;

        bool InPeriod(DateOnly day) => day >= batch.From && day <= batch.To;

        var persons = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in batch["persons.csv"].Rows)
        {
            var fnr = row["fnr"];
            if (!persons.Add(fnr)) Fail("persons.csv", row, $"duplicate fnr {fnr}");
            if (!SyntheticNumber(fnr, row.Date("birth_date"), row["sex"])) Fail("persons.csv", row, $"fnr {fnr} is not a valid synthetic number for the row");
        }
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, table) in batch.Files)
        {
            if (!table.Header.Contains("fnr", StringComparer.Ordinal) || file == "persons.csv") continue;
            foreach (var row in table.Rows)
            {
                referenced.Add(row["fnr"]);
                if (!persons.Contains(row["fnr"])) Fail(file, row, $"person {row["fnr"]} not in persons.csv");
            }
        }
        if (referenced.Count != persons.Count) Fail("persons.csv", null, $"{persons.Count - referenced.Count} persons no file refers to");

        var benefitTypes = CodeList(batch["benefit_types.csv"], ["OKONOMISK_SOSIALHJELP", "KVALIFISERINGSSTONAD", "ANNET"], "benefit_types.csv", Fail);
        var caseTypes = CodeList(batch["case_types.csv"], ["OKONOMISK_SOSIALHJELP", "ANNET"], "case_types.csv", Fail);

        var paymentIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in batch["payments.csv"].Rows)
        {
            if (!paymentIds.Add(row["payment_id"])) Fail("payments.csv", row, "duplicate payment_id");
            if (!benefitTypes.Contains(row["benefit_type"])) Fail("payments.csv", row, "unknown benefit_type");
            if (!decimal.TryParse(row["amount"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
                Fail("payments.csv", row, $"amount {row["amount"]}");
            var status = row["status"];
            if (status is not ("UTBETALT" or "PLANLAGT" or "STOPPET" or "ANNULLERT")) Fail("payments.csv", row, $"status {status}");
            var paid = row.OptionalDate("payment_date");
            if (status == "UTBETALT" && paid is null) Fail("payments.csv", row, "UTBETALT without payment_date");
            var (from, to) = (row.OptionalDate("period_from"), row.OptionalDate("period_to"));
            if (from.HasValue != to.HasValue) Fail("payments.csv", row, "period_from and period_to must come together");
            if (from > to) Fail("payments.csv", row, "period_from after period_to");
            var dated = paid ?? from;
            if (dated is null || !InPeriod(dated.Value)) Fail("payments.csv", row, "not dated inside the period");
        }

        foreach (var row in batch["livelihood.csv"].Rows)
        {
            _ = row.Date("valid_from");
            if (row["source"] is not { Length: 1 } source || source[0] is < '1' or > '9') Fail("livelihood.csv", row, $"source {row["source"]}");
        }

        foreach (var row in batch["family.csv"].Rows)
        {
            var relation = row["relation"];
            if (relation is not ("BARN" or "EKTEFELLE" or "SAMBOER" or "ANNET")) Fail("family.csv", row, $"relation {relation}");
            if (relation == "BARN" && row.OptionalDate("member_birth_date") is null) Fail("family.csv", row, "BARN without member_birth_date");
            if (!row["member_id"].StartsWith("m-", StringComparison.Ordinal)) Fail("family.csv", row, "member_id is not pseudonymous");
            if (row["calculation_percent"] is { Length: > 0 } percent
                && (!int.TryParse(percent, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p > 100))
                Fail("family.csv", row, $"calculation_percent {percent}");
            foreach (var flag in new[] { "provider_duty", "in_household" })
                if (row[flag] is not ("" or "true" or "false")) Fail("family.csv", row, $"{flag} {row[flag]}");
            if (row.OptionalDate("valid_from") > row.OptionalDate("valid_to")) Fail("family.csv", row, "valid_from after valid_to");
        }

        var caseIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in batch["cases.csv"].Rows)
        {
            if (!caseIds.Add(row["case_id"])) Fail("cases.csv", row, "duplicate case_id");
            if (!caseTypes.Contains(row["case_type"])) Fail("cases.csv", row, "unknown case_type");
            var (received, approved) = (row.OptionalDate("received_date"), row.OptionalDate("approved_date"));
            var dated = received ?? approved;
            if (dated is null || !InPeriod(dated.Value)) Fail("cases.csv", row, "not dated inside the period");
            if (received > approved) Fail("cases.csv", row, "received after approved");
        }

        foreach (var row in batch["kvp.csv"].Rows)
        {
            var (registered, decision, start, end) =
                (row.OptionalDate("registered_date"), row.OptionalDate("decision_date"), row.Date("start_date"), row.OptionalDate("end_date"));
            if (!(registered < decision && decision < start)) Fail("kvp.csv", row, "registered < decision < start does not hold");
            if (end < start) Fail("kvp.csv", row, "end before start");
            var status = int.Parse(row["status"], NumberStyles.None, CultureInfo.InvariantCulture);
            if (status is < 1 or > 7) Fail("kvp.csv", row, $"status {status}");
            if ((end is not null) != (status is 3 or 4 or 5 or 6 or 7)) Fail("kvp.csv", row, $"status {status} does not fit the end date");
            if (status == 6 && !district) Fail("kvp.csv", row, "status 6 outside Oslo's districts");
            var codes = row["situation_after"].Length == 0 ? [] : row["situation_after"].Split('|');
            if (codes.Any(c => !SituationCodes.Contains(c)) || codes.Distinct(StringComparer.Ordinal).Count() != codes.Length)
                Fail("kvp.csv", row, $"situation_after {row["situation_after"]}");
            if (status is 3 or 7 && codes.Length == 0) Fail("kvp.csv", row, "ended programme without situation_after");
            if (end is null && codes.Length > 0) Fail("kvp.csv", row, "situation_after on a running programme");
        }

        foreach (var row in batch["jobseekers.csv"].Rows)
        {
            if (row["group"] is not ("ORDINAER" or "ANNET")) Fail("jobseekers.csv", row, $"group {row["group"]}");
            if (row.Date("registered_from") > row.OptionalDate("registered_to")) Fail("jobseekers.csv", row, "registered_from after registered_to");
        }

        foreach (var row in batch["followups.csv"].Rows)
            if (!InPeriod(row.Date("date"))) Fail("followups.csv", row, "not dated inside the period");

        foreach (var row in batch["conditions.csv"].Rows)
        {
            if (!InPeriod(row.Date("decided_date"))) Fail("conditions.csv", row, "not decided inside the period");
            if (row.Date("valid_from") > row.Date("valid_to")) Fail("conditions.csv", row, "valid_from after valid_to");
            if (!KnownCodes(row["codes"], ConditionCodes)) Fail("conditions.csv", row, $"codes {row["codes"]}");
        }
        foreach (var row in batch["activity_exemptions.csv"].Rows)
        {
            if (!InPeriod(row.Date("decided_date"))) Fail("activity_exemptions.csv", row, "not decided inside the period");
            if (!KnownCodes(row["grounds"], Grounds)) Fail("activity_exemptions.csv", row, $"grounds {row["grounds"]}");
        }
        foreach (var row in batch["sanctions.csv"].Rows)
        {
            if (!InPeriod(row.Date("date"))) Fail("sanctions.csv", row, "not dated inside the period");
            if (row["kind"] is not ("01" or "02")) Fail("sanctions.csv", row, $"kind {row["kind"]}");
        }

        return errors;
    }

    // One or more known codes separated by '|', none twice.
    private static bool KnownCodes(string cell, string[] known)
    {
        var codes = cell.Split('|');
        return cell.Length > 0 && codes.All(c => known.Contains(c, StringComparer.Ordinal)) && codes.Distinct(StringComparer.Ordinal).Count() == codes.Length;
    }

    private static HashSet<string> CodeList(CsvTable table, string[] categories, string file, Action<string, CsvRecord?, string> fail)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            if (!codes.Add(row["code"])) fail(file, row, "duplicate code");
            if (row["name"].Length == 0) fail(file, row, "no name");
            if (!categories.Contains(row["category"], StringComparer.Ordinal)) fail(file, row, $"category {row["category"]}");
        }
        return codes;
    }

    // Skatteetaten's synthetic form: DD (MM+80) YY III K1 K2 with mod-11 check digits, odd third individual digit = man.
    public static bool SyntheticNumber(string fnr, DateOnly birth, string sex)
    {
        if (fnr.Length != 11 || !fnr.All(char.IsAsciiDigit)) return false;
        int D(int i) => fnr[i] - '0';
        int[] w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2], w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        int Check(int[] w)
        {
            var sum = 0;
            for (var i = 0; i < w.Length; i++) sum += D(i) * w[i];
            var k = 11 - sum % 11;
            return k == 11 ? 0 : k;
        }
        return Check(w1) == D(9) && Check(w2) == D(10)
            && D(0) * 10 + D(1) == birth.Day
            && D(2) * 10 + D(3) == birth.Month + 80
            && D(4) * 10 + D(5) == birth.Year % 100
            && (D(8) % 2 == 1 ? "1" : "2") == sex;
    }
}
