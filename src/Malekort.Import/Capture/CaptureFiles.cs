using Malekort.Capture;

namespace Malekort.Import.Capture;

/// <summary>The files of capture format v1 and the part of the data each carries.</summary>
internal static class CaptureFiles
{
    public const string Persons = "persons.csv";
    public const string BenefitTypes = "benefit_types.csv";
    public const string Payments = "payments.csv";
    public const string Livelihood = "livelihood.csv";
    public const string Family = "family.csv";
    public const string CaseTypes = "case_types.csv";
    public const string Cases = "cases.csv";
    public const string Kvp = "kvp.csv";
    public const string Jobseekers = "jobseekers.csv";
    public const string Followups = "followups.csv";
    public const string Conditions = "conditions.csv";
    public const string ActivityExemptions = "activity_exemptions.csv";
    public const string Sanctions = "sanctions.csv";

    /// <summary>The CSV files and their domain; a code list goes with the records that use it.</summary>
    public static IReadOnlyList<(string Name, CaptureDomains Domain)> Csv { get; } =
    [
        (Persons, CaptureDomains.Persons),
        (BenefitTypes, CaptureDomains.Payments),
        (Payments, CaptureDomains.Payments),
        (Livelihood, CaptureDomains.Livelihood),
        (Family, CaptureDomains.Family),
        (CaseTypes, CaptureDomains.Cases),
        (Cases, CaptureDomains.Cases),
        (Kvp, CaptureDomains.Kvp),
        (Jobseekers, CaptureDomains.Jobseekers),
        (Followups, CaptureDomains.Followups),
        (Conditions, CaptureDomains.Conditions),
        (ActivityExemptions, CaptureDomains.Exemptions),
        (Sanctions, CaptureDomains.Sanctions),
    ];

    /// <summary>The files whose rows refer to a person.</summary>
    public static IReadOnlyList<string> ReferToPersons { get; } =
    [
        Payments, Livelihood, Family, Cases, Kvp, Jobseekers, Followups, Conditions, ActivityExemptions, Sanctions,
    ];

    public static bool IsKnown(string name)
    {
        if (string.Equals(name, BatchJson.Name, StringComparison.Ordinal)) return true;
        foreach (var (known, _) in Csv)
        {
            if (string.Equals(known, name, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
