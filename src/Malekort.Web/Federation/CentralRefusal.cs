namespace Malekort.Web.Federation;

/// <summary>
/// Which server options a central instance (<c>serve --central</c>) refuses: every way in for person-level data
/// (<see cref="Malekort.Federation.CentralInstance.Refusal"/>).
/// </summary>
public static class CentralRefusal
{
    /// <summary>Why the options do not fit a central instance, or null when they do.</summary>
    public static string? OptionProblem(MalekortWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.DropDirectory is not null || options.AcceptUploads || options.PseudonymKey is not null)
            return "En sentral instans tar ikke imot persondata: --drop, --uploads og --key kan ikke brukes med --central.";
        if (options.Schedule is not null) return "En sentral instans publiserer ikke (--schedule): kontorene publiserer i sitt eget Målekort.";
        if (options.DeliverTo is not null) return "En sentral instans leverer ikke videre (--deliver-to).";
        return null;
    }
}
