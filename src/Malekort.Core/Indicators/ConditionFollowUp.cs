using Malekort.Capture;

namespace Malekort.Indicators;

/// <summary>What a line of the conditions follow-up counts among whom.</summary>
public enum FollowUpGroup
{
    /// <summary>Recipients 18–29 with a condition of the code valid in M (V.101's denominator is the whole).</summary>
    ConditionsAged18To29,
    /// <summary>Recipients with a condition of the code valid in M (BL151 is the whole).</summary>
    ConditionsAll,
    /// <summary>V.103's persons (exempted, no activity condition) whose exemptions have the ground.</summary>
    ExemptionGrounds,
    /// <summary>V.104's persons with a sanction of the kind dated in M.</summary>
    SanctionKinds,
}

/// <summary>One line of the follow-up: a group and the KOSTRA code it is about; <see cref="Slot"/> is its place in a month's counts.</summary>
public sealed record FollowUpLine(FollowUpGroup Group, KostraCode Code, int Slot);

/// <summary>
/// The office's follow-up of conditions and the activity duty (seed 004; issue 16 item 3): which conditions its recipients
/// aged 18–29 and all its recipients have, the grounds of the exemptions, and the sanctions, by KOSTRA code and month. Counted
/// in the same per-person pass as V.101–V.104 and from the same month facts (<see cref="IndicatorRules"/>), so a count is
/// explained by the same rules; captured where the V indicator of its group is. Shown only for the viewer's own units.
/// </summary>
public static class ConditionFollowUp
{
    /// <summary>Every line, group by group, codes in KOSTRA's order.</summary>
    public static IReadOnlyList<FollowUpLine> Lines { get; } = Build();

    /// <summary>The number of counts per month.</summary>
    public static int Slots => Lines.Count;

    /// <summary>The first slot of each group.</summary>
    internal static int FirstSlot(FollowUpGroup group) => Lines.First(l => l.Group == group).Slot;

    /// <summary>The group's heading (nb).</summary>
    public static string Heading(FollowUpGroup group) => group switch
    {
        FollowUpGroup.ConditionsAged18To29 => "Vilkår for mottakere 18–29 år",
        FollowUpGroup.ConditionsAll => "Vilkår for alle mottakere",
        FollowUpGroup.ExemptionGrounds => "Unntak fra aktivitetsplikten etter grunn",
        _ => "Sanksjoner etter type",
    };

    /// <summary>What the group's counts count (nb).</summary>
    public static string Counts(FollowUpGroup group) => group switch
    {
        FollowUpGroup.ConditionsAged18To29 => "Mottakere 18–29 år med vilkåret i måneden, og andel av alle mottakere 18–29 år (nevneren i V.101)",
        FollowUpGroup.ConditionsAll => "Mottakere med vilkåret i måneden, og andel av alle mottakere (BL151)",
        FollowUpGroup.ExemptionGrounds => "Mottakere 18–29 år med unntak og uten vilkår om aktivitet (V.103) som har grunnen; en person kan ha flere",
        _ => "Personer med sanksjon av typen datert i måneden (V.104); fra KOSTRA bare for hele året, vist i desember",
    };

    private static FollowUpLine[] Build()
    {
        var lines = new List<FollowUpLine>();
        void Add(FollowUpGroup group, IReadOnlyList<KostraCode> codes)
        {
            foreach (var code in codes) lines.Add(new FollowUpLine(group, code, lines.Count));
        }
        Add(FollowUpGroup.ConditionsAged18To29, ConditionCodes.Conditions);
        Add(FollowUpGroup.ConditionsAll, ConditionCodes.Conditions);
        Add(FollowUpGroup.ExemptionGrounds, ConditionCodes.ExemptionGrounds);
        Add(FollowUpGroup.SanctionKinds, ConditionCodes.SanctionKinds);
        return [.. lines];
    }
}
