using Malekort.Units;
using Malekort.Web.State;

namespace Malekort.Web.Parameters;

/// <summary>
/// A unit in a parameter, checked against the registers (issue 9): a code that reads as a unit but that neither SSB's register
/// nor the office register knows is a mistake that names the nearest known units, not a unit "without data".
/// </summary>
internal static class UnitParameter
{
    /// <summary>The error for a unit the registers do not know, naming the nearest; null for a known unit.</summary>
    public static string? Unknown(ScorecardSnapshot snapshot, string parameter, UnitCode unit) =>
        new UnitLookup(UnitRegister.Default, snapshot.Offices).TryFind(unit.Value, UnitLookup.AnyKind, out _, out var error)
            ? null
            : $"Parameteren «{parameter}»: {error}";
}
