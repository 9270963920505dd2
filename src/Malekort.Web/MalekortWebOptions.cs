using Malekort.Units;

namespace Malekort.Web;

/// <summary>How the scorecard server runs.</summary>
public sealed class MalekortWebOptions
{
    /// <summary>Where Kestrel listens; port 0 picks a free port.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5000";

    /// <summary>
    /// The viewer's own NAV office. When set, every unit and aggregate that office does not serve entirely is shown with
    /// small counts suppressed (spec "Values, aggregation and display", Confidentiality). Null: the local office's
    /// full rights, nothing suppressed.
    /// </summary>
    public UnitCode? OwnOffice { get; init; }

    /// <summary>How the server logs to standard output: JSON lines in server mode, readable text otherwise.</summary>
    public Operations.LogFormat LogFormat { get; init; } = Operations.LogFormat.Text;
}
