namespace Malekort.Web.Pages;

/// <summary>The sections of the site, in the menu's order; a page names the one it belongs to, so the menu marks it.</summary>
public enum Section
{
    Scorecard,
    Comparison,
    DataQuality,
    Publishing,
    RunLog,
    Leader,
    None,
}
