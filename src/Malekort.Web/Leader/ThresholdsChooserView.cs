using Malekort.Web.Pages;
using Malekort.Web.State;

namespace Malekort.Web.Leader;

/// <summary>The choice of municipality or district on <c>/grenser</c> without one.</summary>
public sealed record ThresholdsChooserView(IReadOnlyList<UnitChoice> Units, Selection Selection, PageFooter Footer);
