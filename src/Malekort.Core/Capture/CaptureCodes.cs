namespace Malekort.Capture;

/// <summary>
/// The capture format's code texts (docs/capture-format.md) for the coded columns, in the order the format lists them.
/// The importer reads by these, the store writes them and the synthetic generator writes them: one table, so the three
/// cannot drift apart.
/// </summary>
public static class CaptureCodes
{
    /// <summary>benefit_types.csv and case_types.csv, <c>category</c>.</summary>
    public static IReadOnlyList<(string Text, BenefitCategory Value)> BenefitCategories { get; } =
    [
        ("OKONOMISK_SOSIALHJELP", BenefitCategory.OkonomiskSosialhjelp),
        ("KVALIFISERINGSSTONAD", BenefitCategory.Kvalifiseringsstonad),
        ("ANNET", BenefitCategory.Annet),
    ];

    /// <summary>payments.csv, <c>status</c>.</summary>
    public static IReadOnlyList<(string Text, PaymentStatus Value)> PaymentStatuses { get; } =
    [
        ("UTBETALT", PaymentStatus.Utbetalt),
        ("PLANLAGT", PaymentStatus.Planlagt),
        ("STOPPET", PaymentStatus.Stoppet),
        ("ANNULLERT", PaymentStatus.Annullert),
    ];

    /// <summary>family.csv, <c>relation</c>.</summary>
    public static IReadOnlyList<(string Text, FamilyRelation Value)> FamilyRelations { get; } =
    [
        ("BARN", FamilyRelation.Barn),
        ("EKTEFELLE", FamilyRelation.Ektefelle),
        ("SAMBOER", FamilyRelation.Samboer),
        ("ANNET", FamilyRelation.Annet),
    ];

    /// <summary>jobseekers.csv, <c>group</c>.</summary>
    public static IReadOnlyList<(string Text, JobseekerGroup Value)> JobseekerGroups { get; } =
    [
        ("ORDINAER", JobseekerGroup.Ordinaer),
        ("ANNET", JobseekerGroup.Annet),
    ];

    /// <summary>The format's text for a category.</summary>
    public static string TextOf(BenefitCategory value) => TextIn(BenefitCategories, value);

    /// <summary>The format's text for a payment status.</summary>
    public static string TextOf(PaymentStatus value) => TextIn(PaymentStatuses, value);

    /// <summary>The format's text for a family relation.</summary>
    public static string TextOf(FamilyRelation value) => TextIn(FamilyRelations, value);

    /// <summary>The format's text for a job seeker group.</summary>
    public static string TextOf(JobseekerGroup value) => TextIn(JobseekerGroups, value);

    /// <summary>The value whose format text is <paramref name="text"/> in <paramref name="table"/> (e.g. <see cref="PaymentStatuses"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The table has no such text.</exception>
    public static T ValueOf<T>(IReadOnlyList<(string Text, T Value)> table, string text) where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(table);
        for (var i = 0; i < table.Count; i++)
            if (string.Equals(table[i].Text, text, StringComparison.Ordinal)) return table[i].Value;
        throw new ArgumentOutOfRangeException(nameof(text), text, "Ingen slik kode i fangstformatet.");
    }

    // A scan of at most four entries: called per stored payment, so it must not allocate.
    private static string TextIn<T>(IReadOnlyList<(string Text, T Value)> table, T value) where T : struct, Enum
    {
        for (var i = 0; i < table.Count; i++)
            if (EqualityComparer<T>.Default.Equals(table[i].Value, value)) return table[i].Text;
        throw new ArgumentOutOfRangeException(nameof(value), value, "Ingen kode i fangstformatet.");
    }
}
