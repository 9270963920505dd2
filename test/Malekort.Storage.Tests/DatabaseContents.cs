using System.Globalization;
using Malekort.Testing;

namespace Malekort.Storage;

/// <summary>How many rows every table holds, and the data version: two equal snapshots mean nothing was written.</summary>
internal static class DatabaseContents
{
    public static readonly string[] Tables =
    [
        "schema_migrations", "import_log", "import_findings", "batches", "people", "persons", "code_lists", "payments", "livelihood",
        "family", "cases", "kvp", "jobseekers", "followups", "conditions",
        "activity_exemptions", "sanctions", "population", "offices", "office_units", "thresholds", "targets",
        "data_version",
    ];

    public static IReadOnlyList<string> Of(TestDatabase db)
    {
        using var connection = db.OpenConnection();
        var counts = new List<string>();
        foreach (var table in Tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            counts.Add(string.Create(CultureInfo.InvariantCulture, $"{table}: {Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture)}"));
        }
        counts.Add(string.Create(CultureInfo.InvariantCulture, $"data_version.version: {db.Store.DataVersion()}"));
        return counts;
    }
}
