using Malekort.Indicators;
using Malekort.Units;
using Malekort.Web.State;
using Microsoft.AspNetCore.Http;

namespace Malekort.Web.Leader;

/// <summary>The own indicator form's fields as typed, so a refused form shows them again.</summary>
public sealed record OwnIndicatorFields(string Code, string Name, string Description, string Direction, string Measure, string Formula, string SharedWith)
{
    public const string CodeField = "kode";
    public const string NameField = "navn";
    public const string DescriptionField = "beskrivelse";
    public const string DirectionField = "retning";
    public const string MeasureField = "maleenhet";
    public const string FormulaField = "formel";
    public const string SharedField = "gis-til";
    public const string Higher = "hoyere";
    public const string Lower = "lavere";

    /// <summary>An empty form: higher is better until chosen.</summary>
    public static OwnIndicatorFields Empty { get; } = new("", "", "", Higher, "", "", "");

    /// <summary>The form filled from a stored indicator, to change it.</summary>
    public static OwnIndicatorFields Of(OwnIndicator own)
    {
        ArgumentNullException.ThrowIfNull(own);
        return new(own.Code, own.Name, own.Description, own.Direction == Indicators.Direction.LowerIsBetter ? Lower : Higher, own.Measure, own.Formula,
            string.Join(' ', own.SharedWith.Select(u => u.Value)));
    }

    internal static OwnIndicatorFields Read(IFormCollection form) => new(form[CodeField].ToString(), form[NameField].ToString(),
        form[DescriptionField].ToString(), form[DirectionField].ToString(), form[MeasureField].ToString(), form[FormulaField].ToString(),
        form[SharedField].ToString());

    /// <summary>
    /// The indicator the fields define for <paramref name="owner"/>, or every problem beside its field: the units it is given to
    /// must be known offices, municipalities or counties, and the rest is <see cref="OwnIndicators.Check"/>'s.
    /// </summary>
    internal (OwnIndicator? Indicator, IReadOnlyList<FieldError> Errors) Check(UnitCode owner, ScorecardSnapshot snapshot, string who,
        DateTimeOffset now, IReadOnlyList<OwnIndicator> stored)
    {
        var errors = new List<FieldError>();
        Direction? direction = Direction switch
        {
            Higher => Indicators.Direction.HigherIsBetter,
            Lower => Indicators.Direction.LowerIsBetter,
            _ => null,
        };
        if (direction is null) errors.Add(new(DirectionField, "Velg om høyere eller lavere verdi er bedre."));
        var receivers = new List<UnitCode>();
        var lookup = new UnitLookup(UnitRegister.Default, snapshot.Offices);
        foreach (var text in SharedWith.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!lookup.TryFind(text, [UnitKind.Office, UnitKind.Municipality, UnitKind.County], out var unit, out var error))
                errors.Add(new(SharedField, $"«{text}»: {error}"));
            else if (unit != owner && !receivers.Contains(unit)) receivers.Add(unit);
        }
        var candidate = new OwnIndicator(Code.Trim(), Name.Trim(), Description.Trim(), direction ?? Indicators.Direction.HigherIsBetter, Measure.Trim(),
            Formula.Trim(), owner, receivers, who, now);
        errors.AddRange(OwnIndicators.Check(candidate, stored).Select(e => new FieldError(e.Field, e.ToString())));
        return errors.Count == 0 ? (candidate, []) : (null, errors);
    }
}
