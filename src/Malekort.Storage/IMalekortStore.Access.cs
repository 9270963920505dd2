using Malekort.Confidentiality;
using Malekort.Periods;
using Malekort.Units;

namespace Malekort.Storage;

/// <summary>
/// Who may see what: local accounts and their API tokens, the audit log of person-level views, and the pseudonym key the
/// stored persons were made with. None of these writes changes the data version.
/// </summary>
public partial interface IMalekortStore
{
    /// <summary>Adds a local account; false (and nothing stored) when the name is taken.</summary>
    bool AddUser(UserAccount user);

    /// <summary>Every local account, by name.</summary>
    IReadOnlyList<UserAccount> Users();

    /// <summary>The account with the name (exact), or null.</summary>
    UserAccount? FindUser(string name);

    /// <summary>Removes the account and every token it has; false when there is no such account.</summary>
    bool RemoveUser(string name);

    /// <summary>Stores a token's hash for the account; false when there is no such account.</summary>
    bool AddToken(string userName, string tokenHash, TokenScope scope);

    /// <summary>The account and scope of the token with this hash, or null.</summary>
    TokenOwner? FindToken(string tokenHash);

    /// <summary>Appends an entry to the audit log and returns its id. Entries can never be changed or removed.</summary>
    long AppendAudit(AuditEntry entry);

    /// <summary>The audit log, newest first, at most <paramref name="limit"/> entries.</summary>
    IReadOnlyList<AuditEntry> AuditLog(int limit);

    /// <summary>The pseudonym key recorded for the stored persons, and whether any person is stored.</summary>
    PseudonymKeyState PseudonymKeyState();

    /// <summary>
    /// Records the key the stored persons are made with, unless one is recorded already; returns the record in force, which
    /// the caller compares with its key.
    /// </summary>
    KeyRecord RecordPseudonymKey(string fingerprint, int generations);

    /// <summary>
    /// Re-pseudonymises every stored pseudonym in one transaction and records the new key. <paramref name="rotate"/> gives
    /// the new pseudonym of a stored value, or null when the value is not a pseudonym (a source system's own id), which stays.
    /// Returns the number of persons given a new pseudonym.
    /// </summary>
    /// <exception cref="InvalidOperationException">The key recorded is not <paramref name="expectedFingerprint"/>: nothing changed.</exception>
    int RotatePseudonyms(string expectedFingerprint, string newFingerprint, int generations, Func<string, string?> rotate);

    /// <summary>The stored pseudonyms of persons by their store ids (people.id), for showing who was counted.</summary>
    IReadOnlyDictionary<long, string> PersonKeys(UnitCode unit, IReadOnlyCollection<long> personIds);

    /// <summary>The store id (people.id) of the person with this stored pseudonym in the unit, or null: for a look-up by fødselsnummer.</summary>
    long? PersonId(UnitCode unit, string personKey);
}

/// <summary>A local account.</summary>
/// <param name="Name">The sign-in name.</param>
/// <param name="Role">What the account may see and do.</param>
/// <param name="Unit">The office, municipality or county of the roles that have one; null for the others.</param>
/// <param name="PasswordHash">ASP.NET Core Identity's PasswordHasher output; never the password.</param>
/// <param name="CreatedAt">When it was added.</param>
public sealed record UserAccount(string Name, ViewerRole Role, UnitCode? Unit, string PasswordHash, DateTimeOffset CreatedAt);

/// <summary>What an API token may do.</summary>
public enum TokenScope
{
    /// <summary>Everything its account may do.</summary>
    All,
    /// <summary>Only read <c>/metrics</c> (a Prometheus scraper's token).</summary>
    Metrics,
}

/// <summary>The account a token belongs to, and what the token may do.</summary>
public sealed record TokenOwner(UserAccount User, TokenScope Scope);

/// <summary>What a person-level view showed.</summary>
public enum AuditAction
{
    /// <summary>The persons counted in one indicator, unit and month.</summary>
    Explanation,
    /// <summary>Whether and why one person (entered by fødselsnummer) is counted.</summary>
    PersonLookup,
}

/// <summary>One person-level view: who, when, which unit, month and indicator, and which persons were shown.</summary>
/// <param name="ViewedAt">When.</param>
/// <param name="UserName">Who (the account or the OpenID Connect subject's name).</param>
/// <param name="Role">The viewer's role at the time.</param>
/// <param name="Unit">The unit whose persons were shown.</param>
/// <param name="Month">The month, when the view had one.</param>
/// <param name="Indicator">The indicator, when the view had one.</param>
/// <param name="Action">What was viewed.</param>
/// <param name="Persons">The short pseudonyms of the persons shown; empty when none (a look-up that found nobody).</param>
public sealed record AuditEntry(
    DateTimeOffset ViewedAt, string UserName, ViewerRole Role, UnitCode Unit, Month? Month, string? Indicator, AuditAction Action,
    IReadOnlyList<string> Persons)
{
    /// <summary>The entry's id; 0 before it is stored.</summary>
    public long Id { get; init; }
}

/// <summary>The key the stored persons were made with.</summary>
/// <param name="Fingerprint">The key's fingerprint (a pseudonym of a fixed text), never the key itself.</param>
/// <param name="Generations">How many generations the key has: 1, and one more per rotation.</param>
/// <param name="RecordedAt">When it was recorded (the first import, or the last rotation).</param>
public sealed record KeyRecord(string Fingerprint, int Generations, DateTimeOffset RecordedAt);

/// <summary>The key recorded (null before the first import that records one) and whether any person is stored.</summary>
public sealed record PseudonymKeyState(KeyRecord? Record, bool HasPersons);
