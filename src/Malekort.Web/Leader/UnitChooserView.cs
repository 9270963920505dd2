using Malekort.Units;
using Malekort.Web.Pages;
using Malekort.Web.State;

namespace Malekort.Web.Leader;

/// <summary>A leader's page opened without a unit: which unit (or county) to see or set, chosen from those with data.</summary>
/// <param name="Title">The page's title and heading.</param>
/// <param name="Lead">What the page is for.</param>
/// <param name="Path">Where the choice goes (a GET form).</param>
/// <param name="Parameter">The parameter it goes as.</param>
/// <param name="Label">The select's label.</param>
/// <param name="Units">The choices.</param>
/// <param name="Selection">The unit and month the menu carries.</param>
/// <param name="Footer">The footer.</param>
/// <param name="Section">The menu item it belongs to.</param>
public sealed record UnitChooserView(string Title, string Lead, string Path, string Parameter, string Label, IReadOnlyList<UnitChoice> Units,
    Selection Selection, PageFooter Footer, Section Section)
{
    internal static UnitChooserView ForThresholds(ScorecardSnapshot snapshot) => new("Grenseverdier",
        "Hver kommune setter egne grenser for når et tall er grønt, gult eller rødt, og et NAV-kontor for sine egne indikatorer. Velg kommunen, bydelen eller kontoret.",
        ThresholdsEndpoints.Path, "enhet", "Kommune, bydel eller kontor", [.. snapshot.Units.Where(u => u.Code.IsCaptureUnit || u.Code.Kind == UnitKind.Office)],
        Selection.None, PageFooter.Of(snapshot), Section.Leader);

    internal static UnitChooserView ForTargets(ScorecardSnapshot snapshot) => new("Måltall",
        "Et NAV-kontor, en kommune eller en bydel setter årsmål for indikatorene og følger måloppnåelsen måned for måned. Velg hvem.",
        TargetsEndpoints.Path, "enhet", "Kontor, kommune eller bydel",
        [.. snapshot.Units.Where(u => u.Code.IsCaptureUnit || u.Code.Kind == UnitKind.Office)], Selection.None, PageFooter.Of(snapshot),
        Section.Targets);

    internal static UnitChooserView ForManualValues(ScorecardSnapshot snapshot, IReadOnlyList<UnitChoice> units) => new("Manuelle tall",
        "En kommune eller bydel uten automatisk innsamling skriver inn tallene sine for måneder uten innsamlede data. Velg kommunen eller bydelen.",
        ManualValuesEndpoints.Path, "enhet", "Kommune eller bydel", units, Selection.None, PageFooter.Of(snapshot), Section.Leader);

    internal static UnitChooserView ForIndicatorChoice(ScorecardSnapshot snapshot) => new("Valg av indikatorer",
        "Et NAV-kontor, en kommune eller en bydel velger hvilke indikatorer målekortet viser, i hvilken rekkefølge og under hvilke overskrifter. Velg hvem.",
        IndicatorChoiceEndpoints.Path, "enhet", "Kontor, kommune eller bydel",
        [.. snapshot.Units.Where(u => u.Code.IsCaptureUnit || u.Code.Kind == UnitKind.Office)], Selection.None, PageFooter.Of(snapshot), Section.Leader);

    internal static UnitChooserView ForCounties(ScorecardSnapshot snapshot) => new("Måltall i fylket",
        "Fylkets NAV-kontorer, deres måltall og måloppnåelse. Velg fylket.",
        CountyTargetsEndpoint.Path, "fylke", "Fylke", [.. snapshot.Units.Where(u => u.Code.Kind == UnitKind.County)], Selection.None,
        PageFooter.Of(snapshot), Section.Targets);
}
