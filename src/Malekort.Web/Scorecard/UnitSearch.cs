using Malekort.Units;
using Malekort.Web.State;

namespace Malekort.Web.Scorecard;

/// <summary>Finds the unit typed into the picker: by its code, by its label as the list shows it, or by its name, in any case.</summary>
internal static class UnitSearch
{
    /// <summary>The units with results that <paramref name="typed"/> names: one, none, or several that share a name (Oslo).</summary>
    public static IReadOnlyList<UnitChoice> Find(ScorecardSnapshot snapshot, string typed)
    {
        var text = typed.Trim();
        if (UnitCode.TryParse(text, out var code)) return snapshot.Find(code) is { } unit ? [unit] : [];
        return snapshot.Units
            .Where(u => string.Equals(u.Label, text, StringComparison.OrdinalIgnoreCase) || string.Equals(u.Name, text, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }
}
