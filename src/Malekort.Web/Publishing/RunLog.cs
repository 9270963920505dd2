using Malekort.Storage;
using Microsoft.Extensions.Logging;

namespace Malekort.Web.Publishing;

/// <summary>
/// Writes the run log. Recording must never undo the work it records: when the database cannot take the entry, the entry
/// goes to the application log instead and the work stands.
/// </summary>
internal sealed partial class RunLog(IMalekortStore store, ILogger<RunLog> logger)
{
    /// <summary>Appends the entry; returns its id, or 0 when it could not be stored.</summary>
    public long Append(RunLogEntry entry)
    {
        try
        {
            return store.AppendRunLog(entry);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogNotStored(logger, e, entry.Kind, entry.Subject, entry.Outcome, entry.Message);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Kunne ikke skrive til driftsloggen: {Kind} {Subject}: {Outcome}: {Text}")]
    private static partial void LogNotStored(ILogger logger, Exception exception, RunKind kind, string subject, RunOutcome outcome, string text);
}
