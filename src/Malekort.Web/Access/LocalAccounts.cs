using System.Security.Cryptography;
using System.Text;
using Malekort.Confidentiality;
using Malekort.Storage;
using Malekort.Units;
using Microsoft.AspNetCore.Identity;

namespace Malekort.Web.Access;

/// <summary>
/// The embedded default's accounts: passwords hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>, API
/// tokens made once and kept only as their SHA-256. The command line (<c>malekort users</c>) and the sign-in share these.
/// </summary>
public static class LocalAccounts
{
    /// <summary>Shorter passwords are guessed.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>What every token starts with, so a leaked one is recognisable (secret scanners) and never taken for a password.</summary>
    public const string TokenPrefix = "mk_";

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    /// <summary>A new account with the password hashed.</summary>
    /// <exception cref="ArgumentException">The name, unit or password is not acceptable; the message says why in Norwegian.</exception>
    public static UserAccount Create(string name, ViewerRole role, UnitCode? unit, string password, DateTimeOffset now)
    {
        if (NameProblem(name) is { } nameProblem) throw new ArgumentException(nameProblem, nameof(name));
        if (role == ViewerRole.Operator) throw new ArgumentException("Operatør er ingen rolle en bruker kan få.", nameof(role));
        if (role.UnitProblem(unit) is { } unitProblem) throw new ArgumentException(unitProblem, nameof(unit));
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length < MinimumPasswordLength)
            throw new ArgumentException($"Passordet må ha minst {MinimumPasswordLength} tegn.", nameof(password));
        var account = new UserAccount(name, role, unit, "", now);
        return account with { PasswordHash = Hasher.HashPassword(account, password) };
    }

    /// <summary>Why the text cannot be a user name, or null: 1–64 letters, digits, and <c>. _ - @</c>.</summary>
    public static string? NameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "Brukernavnet mangler.";
        if (name.Length > 64) return "Brukernavnet kan ha høyst 64 tegn.";
        return name.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '@')
            ? null
            : "Brukernavnet kan bare ha bokstaver, sifre og . _ - @.";
    }

    /// <summary>
    /// Whether the password is the account's. The hasher compares in constant time; a hash in an older format still verifies.
    /// </summary>
    public static bool Verify(UserAccount account, string password)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? "") != PasswordVerificationResult.Failed;
    }

    /// <summary>
    /// Spends the time a verification takes when there is no such account, so the answer's timing does not tell which names
    /// exist.
    /// </summary>
    public static void VerifyNobody(string password) => Hasher.VerifyHashedPassword(Nobody, NobodyHash, password ?? "");

    /// <summary>A new token: the text to give the user once, and the hash to store.</summary>
    public static (string Token, string Hash) NewToken()
    {
        var token = TokenPrefix + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, TokenHash(token));
    }

    /// <summary>The stored form of a token: SHA-256 in lower-case hex. A token is 256 random bits, so a plain hash suffices.</summary>
    public static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static readonly UserAccount Nobody = new("-", ViewerRole.Direktorat, null, "", DateTimeOffset.UnixEpoch);

    private static readonly string NobodyHash = Hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));
}
