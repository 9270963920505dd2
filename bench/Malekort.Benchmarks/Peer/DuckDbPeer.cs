using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Malekort.Capture;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;
using Microsoft.Data.Sqlite;

namespace Malekort.Benchmarks.Peer;

/// <summary>
/// The engine's peer: DuckDB in this process, loaded with the same rows the engine reads (each stored batch's
/// <see cref="BatchRows"/>, through DuckDB's appender) and computing the same indicators in SQL (<c>indicators.sql</c>).
/// </summary>
internal sealed class DuckDbPeer : IDisposable
{
    private const string ScriptResource = "Malekort.Benchmarks.indicators.sql";
    private const string StatementSeparator = "\n;;";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly DuckDBConnection connection;

    private DuckDbPeer(DuckDBConnection connection) => this.connection = connection;

    /// <summary>The rows appended, by table.</summary>
    public Dictionary<string, long> RowCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Every batch as it was appended, decoded and in storage order: what the engine's <see cref="WorkingSetBuilder"/> is
    /// given, so the engine can be timed from the same rows in memory as the SQL starts from.
    /// </summary>
    public List<(BatchHeader Header, BatchRows Rows)> Batches { get; } = [];

    /// <summary>Opens an in-memory database using <paramref name="threads"/> threads.</summary>
    public static DuckDbPeer Open(int threads)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var peer = new DuckDbPeer(connection);
        peer.Execute(string.Create(Invariant, $"SET threads = {threads}"));
        peer.Execute("SET preserve_insertion_order = false");
        return peer;
    }

    public static string Version()
    {
        using var peer = Open(1);
        using var command = peer.connection.CreateCommand();
        command.CommandText = "SELECT version()";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Reads every batch's header and engine rows from the SQLite file and appends them, with the population, the office
    /// register and the catalogue's kinds.
    /// </summary>
    public void Load(string sqlitePath, StoredInputs inputs)
    {
        CreateTables();
        var units = new Dictionary<string, int>(StringComparer.Ordinal);
        using var sqlite = new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly");
        sqlite.Open();
        using (var batches = connection.CreateAppender("batches"))
        using (var listed = connection.CreateAppender("listed"))
        using (var births = connection.CreateAppender("births"))
        using (var payments = connection.CreateAppender("payments"))
        using (var livelihood = connection.CreateAppender("livelihood"))
        using (var children = connection.CreateAppender("children"))
        using (var cases = connection.CreateAppender("cases"))
        using (var kvp = connection.CreateAppender("kvp"))
        using (var jobseekers = connection.CreateAppender("jobseekers"))
        using (var followups = connection.CreateAppender("followups"))
        using (var conditions = connection.CreateAppender("conditions"))
        using (var exemptions = connection.CreateAppender("exemptions"))
        using (var sanctions = connection.CreateAppender("sanctions"))
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = "SELECT b.id, b.unit, b.period_from, b.period_to, b.extracted_at, b.domains, b.supersession_key, r.data, " +
                                  "b.format, b.source_system " +
                                  "FROM batches b JOIN batch_rows r ON r.batch_id = b.id ORDER BY b.id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var bid = reader.GetInt64(0);
                var unit = reader.GetString(1);
                if (!units.TryGetValue(unit, out var uid)) units[unit] = uid = units.Count;
                var rows = BatchRows.Decode(reader.GetFieldValue<byte[]>(7));
                var extracted = DateTimeOffset.Parse(reader.GetString(4), Invariant, DateTimeStyles.RoundtripKind);
                var key = reader.IsDBNull(6) ? null : reader.GetString(6);
                Batches.Add((new BatchHeader(reader.GetString(8), reader.GetString(9), UnitCode.Parse(unit), Date(reader.GetInt64(2)),
                    Date(reader.GetInt64(3)), extracted, (CaptureDomains)reader.GetInt64(5), key), rows));
                batches.CreateRow().AppendValue(bid).AppendValue(uid).AppendValue(Day(reader.GetInt64(2))).AppendValue(Day(reader.GetInt64(3)))
                    .AppendValue(extracted.UtcTicks).AppendValue((int)reader.GetInt64(5))
                    .AppendValue(key).AppendValue(rows.ApproximateFamily).EndRow();
                Append(bid, rows, listed, births, payments, livelihood, children, cases, kvp, jobseekers, followups);
                AppendConditions(bid, rows, conditions, exemptions, sanctions);
            }
        }
        using (var appender = connection.CreateAppender("units"))
        {
            foreach (var (code, uid) in units) appender.CreateRow().AppendValue(uid).AppendValue(code).EndRow();
        }
        using (var appender = connection.CreateAppender("population"))
        {
            foreach (var f in inputs.Population.Figures)
                appender.CreateRow().AppendValue(f.Unit.Value).AppendValue(f.Year).AppendValue(f.Aged18To66).AppendValue(f.Aged18To24).EndRow();
        }
        using (var appender = connection.CreateAppender("indicators"))
        {
            foreach (var d in IndicatorCatalog.All)
                appender.CreateRow().AppendValue(d.Code).AppendValue(d.Kind.ToString().ToLowerInvariant()).EndRow();
        }
        using (var appender = connection.CreateAppender("situations"))
        {
            for (var k = 0; k < KvpSituation.All.Count; k++)
                appender.CreateRow().AppendValue(k).AppendValue(KvpSituation.IndicatorPrefix + KvpSituation.All[k].Code).EndRow();
        }
        using (var appender = connection.CreateAppender("members"))
        {
            foreach (var (aggregate, member) in Members(inputs.Offices))
                appender.CreateRow().AppendValue(aggregate).AppendValue(member).EndRow();
        }
        using (var appender = connection.CreateAppender("districts"))
        {
            foreach (var d in UnitRegister.Default.DistrictsOf(UnitCode.Parse("0301"))) appender.CreateRow().AppendValue(d.Code.Value).EndRow();
        }
        foreach (var table in new[]
                 {
                     "batches", "listed", "births", "payments", "livelihood", "children", "cases", "kvp", "jobseekers", "followups", "conditions",
                     "exemptions", "sanctions",
                 })
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM {table}";
            RowCounts[table] = Convert.ToInt64(count.ExecuteScalar(), Invariant);
        }
    }

    /// <summary>Offices, counties and the country with their member units, as <c>Aggregation</c> takes them from the registers.</summary>
    private static IEnumerable<(string Aggregate, string Member)> Members(OfficeRegister offices)
    {
        foreach (var office in offices.Offices)
        {
            foreach (var unit in office.Units) yield return (office.Code.Value, unit.Value);
        }
        var municipalities = UnitRegister.Default.Municipalities.Select(m => m.Code).ToList();
        foreach (var county in UnitRegister.Default.Counties)
        {
            foreach (var m in municipalities.Where(m => m.County == county.Code)) yield return (county.Code.Value, m.Value);
        }
        foreach (var m in municipalities) yield return (UnitCode.Country.Value, m.Value);
    }

    private static DateOnly Date(long yyyymmdd) => new((int)(yyyymmdd / 10000), (int)(yyyymmdd / 100 % 100), (int)(yyyymmdd % 100));

    private static int Day(long yyyymmdd) => Date(yyyymmdd).DayNumber;

    // The engine's sentinels (no day, open start, open end) are SQL's NULL.
    private static int? Nullable(int day) => day is int.MinValue or int.MaxValue ? null : day;

    private static void Append(long bid, BatchRows rows, DuckDBAppender listed, DuckDBAppender births, DuckDBAppender payments,
        DuckDBAppender livelihood, DuckDBAppender children, DuckDBAppender cases, DuckDBAppender kvp, DuckDBAppender jobseekers,
        DuckDBAppender followups)
    {
        var people = rows.People;
        for (var i = 0; i < people.Count; i++)
        {
            listed.CreateRow().AppendValue(bid).AppendValue(people[i]).EndRow();
            if (rows.Births[i] != int.MinValue) births.CreateRow().AppendValue(bid).AppendValue(people[i]).AppendValue(rows.Births[i]).EndRow();
        }
        ReadOnlySpan<int> r = rows.Payments;
        for (var i = 0; i < r.Length; i += 4)
        {
            payments.CreateRow().AppendValue(bid).AppendValue(people[r[i]]).AppendValue(Nullable(r[i + 1])).AppendValue(Nullable(r[i + 2]))
                .AppendValue(Nullable(r[i + 3])).EndRow();
        }
        r = rows.Livelihood;
        for (var i = 0; i < r.Length; i += 4)
        {
            livelihood.CreateRow().AppendValue(bid).AppendValue(people[r[i]]).AppendValue(i / 4).AppendValue(r[i + 1]).AppendValue(Nullable(r[i + 2]))
                .AppendValue(r[i + 3]).EndRow();
        }
        r = rows.Children;
        for (var i = 0; i < r.Length; i += 5)
        {
            children.CreateRow().AppendValue(bid).AppendValue(people[r[i]]).AppendValue(r[i + 1]).AppendValue((r[i + 2] & 1) != 0)
                .AppendValue((r[i + 2] & 2) != 0).AppendValue(Nullable(r[i + 3])).AppendValue(Nullable(r[i + 4])).EndRow();
        }
        r = rows.Cases;
        for (var i = 0; i < r.Length; i += 3)
            cases.CreateRow().AppendValue(bid).AppendValue(Nullable(r[i])).AppendValue(Nullable(r[i + 1])).AppendValue(Nullable(r[i + 2])).EndRow();
        r = rows.Kvp;
        for (var i = 0; i < r.Length; i += 6)
        {
            kvp.CreateRow().AppendValue(bid).AppendValue(people[r[i]]).AppendValue(Nullable(r[i + 1])).AppendValue(Nullable(r[i + 2]))
                .AppendValue(r[i + 3]).AppendValue(Nullable(r[i + 4])).AppendValue(r[i + 5]).EndRow();
        }
        r = rows.Jobseekers;
        for (var i = 0; i < r.Length; i += 3)
            jobseekers.CreateRow().AppendValue(bid).AppendValue(people[r[i]]).AppendValue(r[i + 1]).AppendValue(Nullable(r[i + 2])).EndRow();
        r = rows.Followups;
        for (var i = 0; i < r.Length; i += 2)
            followups.CreateRow().AppendValue(bid).AppendValue(people[r[i]]).AppendValue(r[i + 1]).EndRow();
    }

    private static void AppendConditions(long bid, BatchRows rows, DuckDBAppender conditions, DuckDBAppender exemptions, DuckDBAppender sanctions)
    {
        var people = rows.People;
        ReadOnlySpan<int> r = rows.Conditions;
        for (var i = 0; i < r.Length; i += 5)
        {
            conditions.CreateRow().AppendValue(bid).AppendValue(people[r[i]]).AppendValue(r[i + 1]).AppendValue(r[i + 2]).AppendValue(r[i + 3])
                .AppendValue(r[i + 4]).EndRow();
        }
        r = rows.Exemptions;
        for (var i = 0; i < r.Length; i += 3) exemptions.CreateRow().AppendValue(bid).AppendValue(people[r[i]]).AppendValue(r[i + 1]).EndRow();
        r = rows.Sanctions;
        for (var i = 0; i < r.Length; i += 4)
            sanctions.CreateRow().AppendValue(bid).AppendValue(people[r[i]]).AppendValue(Nullable(r[i + 1])).AppendValue(r[i + 2]).EndRow();
    }

    private void CreateTables()
    {
        foreach (var sql in new[]
        {
            "CREATE TABLE units (uid INTEGER, code VARCHAR)",
            "CREATE TABLE batches (bid BIGINT, uid INTEGER, from_day INTEGER, to_day INTEGER, extracted BIGINT, domains INTEGER, skey VARCHAR, approx BOOLEAN)",
            "CREATE TABLE listed (bid BIGINT, person BIGINT)",
            "CREATE TABLE births (bid BIGINT, person BIGINT, birth INTEGER)",
            "CREATE TABLE payments (bid BIGINT, person BIGINT, dating INTEGER, from_day INTEGER, to_day INTEGER)",
            "CREATE TABLE livelihood (bid BIGINT, person BIGINT, ord INTEGER, valid_from INTEGER, valid_to INTEGER, source INTEGER)",
            "CREATE TABLE children (bid BIGINT, person BIGINT, birth INTEGER, provider BOOLEAN, duty BOOLEAN, valid_from INTEGER, valid_to INTEGER)",
            "CREATE TABLE cases (bid BIGINT, dating INTEGER, received INTEGER, approved INTEGER)",
            "CREATE TABLE kvp (bid BIGINT, person BIGINT, registered INTEGER, decision INTEGER, start_day INTEGER, end_day INTEGER, situations INTEGER)",
            "CREATE TABLE jobseekers (bid BIGINT, person BIGINT, from_day INTEGER, to_day INTEGER)",
            "CREATE TABLE followups (bid BIGINT, person BIGINT, day INTEGER)",
            "CREATE TABLE conditions (bid BIGINT, person BIGINT, decided INTEGER, from_day INTEGER, to_day INTEGER, codes INTEGER)",
            "CREATE TABLE exemptions (bid BIGINT, person BIGINT, decided INTEGER)",
            "CREATE TABLE sanctions (bid BIGINT, person BIGINT, day INTEGER, year INTEGER)",
            "CREATE TABLE population (code VARCHAR, year INTEGER, adults BIGINT, young BIGINT)",
            "CREATE TABLE indicators (code VARCHAR, kind VARCHAR)",
            "CREATE TABLE situations (k INTEGER, code VARCHAR)",
            "CREATE TABLE members (agg VARCHAR, unit VARCHAR)",
            "CREATE TABLE districts (code VARCHAR)",
        })
        {
            Execute(sql);
        }
    }

    /// <summary>
    /// Runs the indicator script for the months and returns the time each statement took, on the clock and in CPU time of
    /// the whole process (DuckDB's threads are the process's; CPU time holds up better than the clock on a shared machine).
    /// </summary>
    public List<(string Statement, double Milliseconds, double CpuMilliseconds)> Compute(MonthRange months)
    {
        var baseMonth = months.First.Plus(-12);
        var text = ReadScript()
            .Replace("{base}", baseMonth.Index.ToString(Invariant), StringComparison.Ordinal)
            .Replace("{first}", months.First.Index.ToString(Invariant), StringComparison.Ordinal)
            .Replace("{last}", months.Last.Index.ToString(Invariant), StringComparison.Ordinal)
            .Replace("{first_day}", baseMonth.Start.DayNumber.ToString(Invariant), StringComparison.Ordinal)
            .Replace("{last_day}", months.Last.End.DayNumber.ToString(Invariant), StringComparison.Ordinal)
            .Replace("{b102v2_from}", IndicatorCatalog.Get("B.102.v2").ValidFrom!.Value.Index.ToString(Invariant), StringComparison.Ordinal);
        var timings = new List<(string, double, double)>();
        using var process = Process.GetCurrentProcess();
        foreach (var statement in text.Split(StatementSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var sql = statement.Trim();
            if (sql.Length == 0 || sql.Split('\n').All(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal) || l.Trim().Length == 0)) continue;
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            Execute(sql);
            var elapsed = sw.Elapsed.TotalMilliseconds;
            process.Refresh();
            timings.Add((Describe(sql), elapsed, (process.TotalProcessorTime - cpu).TotalMilliseconds));
        }
        return timings;
    }

    private static string Describe(string sql)
    {
        var line = sql.Split('\n').First(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("--", StringComparison.Ordinal)).Trim();
        return line.Length > 60 ? line[..60] : line;
    }

    /// <summary>Every value computed: (unit, month, indicator) → numerator, denominator, units included.</summary>
    public Dictionary<(string Unit, int Month, string Indicator), (long? Numerator, long? Denominator, int Included)> Results()
    {
        var results = new Dictionary<(string, int, string), (long?, long?, int)>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT c.code, r.m::INTEGER, i.code, r.num::BIGINT, r.den::BIGINT, r.included::INTEGER " +
                              "FROM results r JOIN codes c ON c.cid = r.cid JOIN ind i ON i.iid = r.iid";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = (reader.GetString(0), Convert.ToInt32(reader.GetValue(1), Invariant), reader.GetString(2));
            long? num = reader.IsDBNull(3) ? null : Convert.ToInt64(reader.GetValue(3), Invariant);
            long? den = reader.IsDBNull(4) ? null : Convert.ToInt64(reader.GetValue(4), Invariant);
            if (!results.TryAdd(key, (num, den, Convert.ToInt32(reader.GetValue(5), Invariant))))
                throw new InvalidOperationException($"DuckDB ga to rader for {key}.");
        }
        return results;
    }

    /// <summary>Changes one computed numerator on purpose, so a run can show that the comparison catches a difference.</summary>
    public void Spoil() => Execute("UPDATE results SET num = coalesce(num, 0) + 1 WHERE rowid = (SELECT min(rowid) FROM results)");

    private static string ReadScript()
    {
        using var stream = typeof(DuckDbPeer).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"Fant ikke {ScriptResource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => connection.Dispose();
}

/// <summary>What the peer needs besides the batches: the same population and office register the engine gets.</summary>
internal sealed record StoredInputs(Population.PopulationTable Population, OfficeRegister Offices);
