using Malekort.Indicators;
using Malekort.Web.Access;
using Malekort.Web.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Malekort.Web.Parameters;

/// <summary>Own indicators asked for by code (issue 11 item 6): which one, and whether the request's viewer may see it.</summary>
internal static class OwnCodes
{
    /// <summary>The own indicator with the code in the current computation, and whether the viewer sees it; null when there is none.</summary>
    public static (IndicatorDefinition Definition, bool Visible)? Find(HttpContext context, string code)
    {
        if (context.RequestServices.GetService<ScorecardState>() is not { } state) return null;
        var viewer = context.User.Viewer();
        var snapshot = state.For(viewer);
        if (snapshot.Results?.Find(code.Trim()) is not { Own: { } own } definition) return null;
        return (definition, viewer.HasFullRights || own.IsVisibleTo(viewer.Unit));
    }
}
