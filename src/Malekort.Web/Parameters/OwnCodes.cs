using Malekort.Indicators;
using Malekort.Web.Access;
using Malekort.Web.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Malekort.Web.Parameters;

/// <summary>
/// Indicators known only to the current computation, asked for by code: own indicators (issue 11 item 6), and whether the request's
/// viewer may see one, and the national versions the directorate added in the browser (item 7), which everyone sees.
/// </summary>
internal static class OwnCodes
{
    /// <summary>The own indicator or added version with the code in the current computation, and whether the viewer sees it; null when there is none.</summary>
    public static (IndicatorDefinition Definition, bool Visible)? Find(HttpContext context, string code)
    {
        if (context.RequestServices.GetService<ScorecardState>() is not { } state) return null;
        var viewer = context.User.Viewer();
        var snapshot = state.For(viewer);
        var definition = snapshot.Results?.Find(code.Trim());
        // A version the directorate added in the browser (issue 11 item 7) is national: everyone's to see, like the catalogue's.
        if (definition is { Stored: not null }) return (definition, true);
        if (definition is not { Own: { } own }) return null;
        return (definition, viewer.HasFullRights || own.IsVisibleTo(viewer.Unit));
    }
}
