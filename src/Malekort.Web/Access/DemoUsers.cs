using Malekort.Confidentiality;
using Malekort.Units;

namespace Malekort.Web.Access;

/// <summary>A user <c>malekort demo</c> offers on its sign-in page, with no account or password.</summary>
/// <param name="Name">The user name, as logged and audited; every one starts with <c>demo-</c>.</param>
/// <param name="Title">What the button says after «Logg inn som».</param>
/// <param name="Role">The role.</param>
/// <param name="Unit">The role's unit.</param>
public sealed record DemoUser(string Name, string Title, ViewerRole Role, UnitCode? Unit);

/// <summary>The demo's users: one of each kind of viewer the seeds describe, on the demo data's Østfold offices.</summary>
public static class DemoUsers
{
    /// <summary>Every demo user, in the order the sign-in page shows them.</summary>
    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("demo-kontorleder-moss", "kontorleder ved NAV Moss", ViewerRole.Kontor, UnitCode.Parse("NAV-0104")),
        new("demo-fylke-ostfold", "rådgiver i Østfold fylke", ViewerRole.Fylke, UnitCode.Parse("31")),
        new("demo-direktoratet", "rådgiver i Arbeids- og velferdsdirektoratet", ViewerRole.Direktorat, null),
        new("demo-admin", "administrator", ViewerRole.Admin, null),
    ];

    /// <summary>The demo user with the name, or null.</summary>
    public static DemoUser? Find(string? name) => All.FirstOrDefault(u => u.Name == name);
}
