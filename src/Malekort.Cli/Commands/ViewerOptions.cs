using System.CommandLine;
using Malekort.Confidentiality;
using Malekort.Units;

namespace Malekort.Cli.Commands;

/// <summary>
/// <c>--for-office NAV-nnnn</c>, <c>--for-role ROLLE [--for-unit KODE]</c>: who the output is written for (issue 10 item 3,
/// the CLI's sharing mode). Without them the local operator's full rights; with them the numbers as that viewer may see
/// them (<see cref="ShownResults"/>), small counts suppressed outside its own units. A unit that does not exist or does not
/// fit the role is an error naming the nearest known codes.
/// </summary>
internal sealed class ViewerOptions
{
    public Option<string?> Office { get; } = new("--for-office")
    {
        Description = "Skriv for deling med dette kontoret (NAV-nnnn): små tall (1–2) for enheter kontoret ikke betjener vises som «:».",
        HelpName = "NAV-nnnn",
    };

    public Option<string?> Role { get; } = new("--for-role")
    {
        Description = "Skriv for deling med rollen kontor, kommune, fylke, direktorat eller admin: små tall utenfor rollens egne enheter vises som «:».",
        HelpName = "ROLLE",
    };

    public Option<string?> Unit { get; } = new("--for-unit")
    {
        Description = "Enheten til --for-role: kontoret (NAV-nnnn), kommunen (fire siffer) eller fylket (to siffer).",
        HelpName = "ENHET",
    };

    public IEnumerable<Option> All => [Office, Role, Unit];

    /// <summary>The viewer asked for; null with a Norwegian error when the options do not name one.</summary>
    public Viewer? Parse(ParseResult parsed, OfficeRegister offices, out string error)
    {
        var (office, roleText, unitText) = (parsed.GetValue(Office), parsed.GetValue(Role), parsed.GetValue(Unit));
        error = "";
        if (office is not null)
        {
            if (roleText is not null || unitText is not null)
                return Fail("--for-office NAV-nnnn sier alt: bruk den uten --for-role og --for-unit.", out error);
            (roleText, unitText) = (ViewerRole.Kontor.Name(), office);
        }
        if (roleText is null) return unitText is null ? Viewer.Operator : Fail("--for-unit trenger --for-role.", out error);
        if (!ViewerRoles.TryParse(roleText, out var role))
            return Fail($"--for-role «{roleText}» er ikke en rolle; velg {string.Join(", ", ViewerRoles.Assignable.Select(r => r.Name()))}.", out error);
        var option = office is null ? "--for-unit" : "--for-office";
        UnitCode? unit = null;
        if (unitText is not null)
        {
            if (role.UnitKindOf() is not { } kind) return Fail($"--for-role {role.Name()} har ingen enhet; dropp --for-unit.", out error);
            if (!new UnitLookup(UnitRegister.Default, offices).TryFind(unitText, [kind], out var code, out var problem))
                return Fail($"{option}: {problem}", out error);
            unit = code;
        }
        // A county sees every unit alike, so fylke needs no county; kontor and kommune are nothing without their unit.
        if (unit is null && role is ViewerRole.Kontor or ViewerRole.Kommune)
            return Fail($"--for-role {role.Name()} trenger --for-unit: {role.UnitProblem(null)}", out error);
        return Viewer.For(role, unit);
    }

    private static Viewer? Fail(string message, out string error)
    {
        error = message;
        return null;
    }
}
