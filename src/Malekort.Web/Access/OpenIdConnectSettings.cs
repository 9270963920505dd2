using Microsoft.Extensions.Configuration;

namespace Malekort.Web.Access;

/// <summary>
/// Sign-in with an OpenID Connect provider (Microsoft Entra ID for NAV and the municipalities). Set in configuration, section
/// <c>Malekort:OpenIdConnect</c> (environment variables <c>Malekort__OpenIdConnect__Authority</c>, …); docs/security.md.
/// </summary>
public sealed class OpenIdConnectSettings
{
    /// <summary>The issuer, e.g. <c>https://login.microsoftonline.com/TENANT/v2.0</c>; its discovery document is read from there.</summary>
    public string Authority { get; set; } = "";

    /// <summary>The application's client id at the provider.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The application's client secret (keep it in an environment variable or a secret store, never on the command line).</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The claim that carries the user's role (Entra ID app roles: <c>roles</c>).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim that carries the user's unit: <c>NAV-nnnn</c>, a municipality number or a county number.</summary>
    public string UnitClaim { get; set; } = "malekort_enhet";

    /// <summary>The claim shown as the user's name and written to the audit log.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>
    /// The provider's role values and the Målekort roles they mean, e.g. <c>Malekort.Kontor → kontor</c>. Values not listed
    /// are read as Målekort role names themselves.
    /// </summary>
    public Dictionary<string, string> RoleValues { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether the provider's metadata must come over HTTPS (off only for a provider on this machine, as in tests).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Whether enough is set to sign in with it.</summary>
    public bool IsConfigured => Authority.Length > 0 && ClientId.Length > 0;

    /// <summary>The configuration section the settings are read from.</summary>
    public const string Section = "Malekort:OpenIdConnect";

    /// <summary>The settings in <see cref="Section"/>; null when they name no provider.</summary>
    /// <exception cref="InvalidOperationException">A provider is named but is no web address, or its client id or secret is missing.</exception>
    public static OpenIdConnectSettings? From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection(Section).Get<OpenIdConnectSettings>();
        if (settings is null || settings.Authority.Length == 0) return null;
        if (!Uri.TryCreate(settings.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            throw new InvalidOperationException($"{Section}: Authority «{settings.Authority}» er ingen nettadresse (https://…).");
        if (settings.ClientId.Length == 0 || settings.ClientSecret.Length == 0)
            throw new InvalidOperationException($"{Section}: Authority er satt, men ClientId eller ClientSecret mangler.");
        return settings;
    }
}
