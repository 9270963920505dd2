using System.Globalization;
using System.Text;

namespace Malekort.Cli.Faults;

/// <summary>A capture batch folder of a given size: persons with a year of monthly payments each, for filling a disk.</summary>
internal static class SyntheticBatch
{
    public static string Write(string folder, string unit, int people, string extractedAt = "2025-01-03T05:00:00Z")
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "batch.json"), $$"""
            {"format": "malekort-capture", "version": 1, "source_system": "Test 1.0", "unit": "{{unit}}",
             "period_from": "2024-01-01", "period_to": "2024-12-31", "extracted_at": "{{extractedAt}}"}
            """);
        File.WriteAllText(Path.Combine(folder, "benefit_types.csv"), "code,name,category\nLIVOPP,Livsopphold,OKONOMISK_SOSIALHJELP\n");
        var persons = new StringBuilder("person_id,birth_date,sex\n");
        var payments = new StringBuilder("payment_id,person_id,benefit_type,amount,status,payment_date,period_from,period_to,case_id\n");
        for (var p = 0; p < people; p++)
        {
            persons.Append(CultureInfo.InvariantCulture, $"P{p:D6},{1960 + (p % 45)}-0{1 + (p % 9)}-1{p % 10},{1 + (p % 2)}\n");
            for (var m = 1; m <= 12; m++)
                payments.Append(CultureInfo.InvariantCulture, $"U{p:D6}-{m:D2},P{p:D6},LIVOPP,{5000 + (p % 977)}.{m:D2},UTBETALT,2024-{m:D2}-05,,,\n");
        }
        File.WriteAllText(Path.Combine(folder, "persons.csv"), persons.ToString());
        File.WriteAllText(Path.Combine(folder, "payments.csv"), payments.ToString());
        return folder;
    }
}
