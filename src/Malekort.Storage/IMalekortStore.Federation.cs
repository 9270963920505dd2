using Malekort.Federation;
using Malekort.Indicators;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>
/// Federation (docs/federation.md): a local instance's record of which revisions a central instance has confirmed, and the
/// central instance's delivered aggregates. Nothing here is about a person.
/// </summary>
public partial interface IMalekortStore
{
    /// <summary>Whether the database is a local instance's (the default) or a central one's.</summary>
    InstanceRole InstanceRole();

    /// <summary>Makes the database a central instance's; nothing changes when it is one already.</summary>
    /// <exception cref="InvalidOperationException">It holds person-level data (a captured batch): a central instance never does.</exception>
    void BecomeCentral();

    /// <summary>
    /// Stores a delivered revision of an office's month, once: a revision already stored with the same content hash changes
    /// nothing (<see cref="ReceiveOutcome.AlreadyStored"/>), one with another hash is a <see cref="ReceiveOutcome.Conflict"/>.
    /// A stored revision changes the data version, so the central picture is computed again.
    /// </summary>
    ReceiveResult SaveAggregates(AggregateDelivery delivery);

    /// <summary>
    /// Stores KOSTRA-level aggregates a central instance took from a file (issue 15 item 5), all or nothing, with the import's
    /// log entry: each municipality's month as its own delivery (<see cref="AggregateSource.Kostra"/>, the municipality's code as
    /// office), the next revision when its numbers differ from the newest stored, nothing when they are the same.
    /// </summary>
    /// <returns><see cref="ImportOutcome.AlreadyImported"/> when every month was stored before with the same numbers.</returns>
    ImportOutcome SaveKostraAggregates(IReadOnlyList<AggregateDelivery> deliveries, ImportLogEntry entry);

    /// <summary>Every delivered revision, without values, oldest first.</summary>
    IReadOnlyList<AggregateDeliveryHeader> AggregateDeliveries();

    /// <summary>The values of one delivered revision, or null when it was not delivered.</summary>
    IReadOnlyList<AggregateRow>? DeliveredValues(UnitCode office, Month month, int revision);

    /// <summary>
    /// The municipalities' and districts' values of the latest revision of every delivered office and month, local deliveries
    /// before KOSTRA: a unit a local delivery holds for the month takes no KOSTRA figure that month. KOSTRA's carry
    /// <see cref="ValueNotes.Kostra"/>.
    /// </summary>
    IReadOnlyList<DeliveredValue> AggregatesInForce();

    /// <summary>Stores the hash of an office's delivery key (central); a key the office had before stops working.</summary>
    void SetDeliveryKey(UnitCode office, string keyHash, DateTimeOffset createdAt);

    /// <summary>The office whose delivery key has this hash, or null (central).</summary>
    UnitCode? DeliveryKeyOffice(string keyHash);

    /// <summary>The offices with a delivery key and when it was made, by office (central).</summary>
    IReadOnlyList<(UnitCode Office, DateTimeOffset CreatedAt)> DeliveryKeys();

    /// <summary>The latest revision of every published month that <paramref name="central"/> has not confirmed, oldest first.</summary>
    IReadOnlyList<PublicationHeader> Undelivered(string central);

    /// <summary>Records that <paramref name="central"/> confirmed the revision (again: nothing changes).</summary>
    void RecordReceipt(string central, PublicationHeader revision, DateTimeOffset at);

    /// <summary>
    /// Records that <paramref name="central"/> refused the revision for good (409 or 422, with its reason): it is no longer
    /// <see cref="Undelivered"/>, and only a new revision of the month is delivered again. Recorded once; again changes nothing.
    /// </summary>
    void RecordRefusal(string central, PublicationHeader revision, int status, string reason, DateTimeOffset at);

    /// <summary>The refusals of revisions still in force (no newer revision published since), by office and month.</summary>
    IReadOnlyList<DeliveryRefusal> DeliveryRefusals();
}

/// <summary>A revision a central instance refused for good: sending it again cannot help, someone must act.</summary>
/// <param name="Central">The central instance's address.</param>
/// <param name="Office">The office.</param>
/// <param name="Month">The month.</param>
/// <param name="Revision">The revision refused.</param>
/// <param name="Status">The central's answer (409 or 422).</param>
/// <param name="Reason">The central's reason, in Norwegian.</param>
/// <param name="RefusedAt">When.</param>
public sealed record DeliveryRefusal(string Central, UnitCode Office, Month Month, int Revision, int Status, string Reason, DateTimeOffset RefusedAt);

/// <summary>What a database is for.</summary>
public enum InstanceRole
{
    /// <summary>An office's or municipality's own Målekort: person-level data, imports, publishing.</summary>
    Local,
    /// <summary>A county's or the directorate's: delivered aggregates only (<c>serve --central</c>).</summary>
    Central,
}

/// <summary>Where a central instance's numbers for an office came from.</summary>
public enum AggregateSource
{
    /// <summary>The office's own Målekort published and delivered them.</summary>
    Local,
    /// <summary>KOSTRA-level aggregates, taken by the central instance for an office without a Målekort of its own.</summary>
    Kostra,
}

/// <summary>One delivered number set: the office's or one of its units'.</summary>
/// <param name="Unit">The office, or a municipality or district it serves.</param>
/// <param name="Indicator">The indicator's code.</param>
/// <param name="Numerator">The numerator; null when not captured.</param>
/// <param name="Denominator">The denominator; null when not captured.</param>
/// <param name="Notes">How the value was made.</param>
/// <param name="UnitsIncluded">How many units contributed (coverage); 1 or 0 for a unit.</param>
/// <param name="UnitsTotal">How many units it has; 1 for a unit.</param>
public sealed record AggregateRow(UnitCode Unit, string Indicator, long? Numerator, long? Denominator, ValueNotes Notes, int UnitsIncluded,
    int UnitsTotal);

/// <summary>A delivered revision of an office's month.</summary>
/// <param name="Office">The office.</param>
/// <param name="Month">The month.</param>
/// <param name="Revision">The revision, as the office numbered it (1 for the first approval).</param>
/// <param name="Source">Where the numbers came from.</param>
/// <param name="ContentHash">The revision's content hash (<see cref="PublicationFingerprint"/>), which the delivery carries.</param>
/// <param name="PublishedAt">When the office published it.</param>
/// <param name="ReceivedAt">When the central instance stored it.</param>
/// <param name="DefinitionVersion">The definitions that produced the numbers.</param>
/// <param name="Values">The office's and each unit's numbers.</param>
public sealed record AggregateDelivery(UnitCode Office, Month Month, int Revision, AggregateSource Source, string ContentHash,
    DateTimeOffset PublishedAt, DateTimeOffset ReceivedAt, string DefinitionVersion, IReadOnlyList<AggregateRow> Values)
{
    /// <summary>The delivery without its values.</summary>
    public AggregateDeliveryHeader Header => new(Office, Month, Revision, Source, ContentHash, PublishedAt, ReceivedAt, DefinitionVersion);
}

/// <summary>A delivered revision without its values.</summary>
public sealed record AggregateDeliveryHeader(UnitCode Office, Month Month, int Revision, AggregateSource Source, string ContentHash,
    DateTimeOffset PublishedAt, DateTimeOffset ReceivedAt, string DefinitionVersion);

/// <summary>What storing a delivery did.</summary>
public enum ReceiveOutcome
{
    /// <summary>Stored.</summary>
    Stored,
    /// <summary>The same revision with the same content was stored before: nothing changed (a retried delivery).</summary>
    AlreadyStored,
    /// <summary>The same revision was stored before with other content: nothing changed.</summary>
    Conflict,
}

/// <summary>What storing a delivery did, and the revision stored under its office, month and revision number.</summary>
public sealed record ReceiveResult(ReceiveOutcome Outcome, AggregateDeliveryHeader Stored);
