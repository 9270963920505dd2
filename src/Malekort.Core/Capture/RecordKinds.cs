namespace Malekort.Capture;

/// <summary>The kinds of records an import counts, as stored in the import log, and their Norwegian names for people.</summary>
public static class RecordKinds
{
    /// <summary>Persons.</summary>
    public const string Persons = "persons";
    /// <summary>Payments.</summary>
    public const string Payments = "payments";
    /// <summary>Main-livelihood records.</summary>
    public const string Livelihood = "livelihood";
    /// <summary>Family members.</summary>
    public const string Family = "family";
    /// <summary>Cases.</summary>
    public const string Cases = "cases";
    /// <summary>KVP participations.</summary>
    public const string Kvp = "kvp";
    /// <summary>Job seeker registrations.</summary>
    public const string Jobseekers = "jobseekers";
    /// <summary>Follow-up contacts.</summary>
    public const string Followups = "followups";
    /// <summary>Conditions (vilkår).</summary>
    public const string Conditions = "conditions";
    /// <summary>Exemptions from the activity duty.</summary>
    public const string Exemptions = "exemptions";
    /// <summary>Sanctions.</summary>
    public const string Sanctions = "sanctions";
    /// <summary>Population figures.</summary>
    public const string Population = "population";
    /// <summary>NAV offices.</summary>
    public const string Offices = "offices";

    /// <summary>The Norwegian name of a kind, for import reports and the data-quality page.</summary>
    public static string NorwegianName(string kind) => kind switch
    {
        Persons => "personer",
        Payments => "utbetalinger",
        Livelihood => "livsopphold",
        Family => "familiemedlemmer",
        Cases => "saker",
        Kvp => "KVP-deltakelser",
        Jobseekers => "arbeidssøkere",
        Followups => "oppfølginger",
        Conditions => "vilkår",
        Exemptions => "unntak fra aktivitetsplikten",
        Sanctions => "sanksjoner",
        Population => "befolkningstall",
        Offices => "kontorer",
        _ => kind,
    };
}
