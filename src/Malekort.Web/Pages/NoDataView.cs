namespace Malekort.Web.Pages;

/// <summary>The page of a section that has nothing to show before the first import.</summary>
public sealed record NoDataView(Section Section, PageFooter Footer);
