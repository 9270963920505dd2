using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Malekort.Storage;
using Malekort.Web.Federation;

namespace Malekort.Cli.Commands;

/// <summary>What <c>serve</c>'s federation options came to (docs/federation.md).</summary>
internal sealed record Federated(bool Central, DeliveryTarget? DeliverTo, X509Certificate2? Certificate);

/// <summary>
/// <c>serve</c>'s options for many offices and one picture (docs/federation.md): <c>--central</c>; a local instance's
/// <c>--deliver-to URL --delivery-keys FILE [--trust-cert FILE] [--allow-http-loopback]</c>; and <c>--tls-cert/--tls-key</c> for
/// a server that listens on <c>https://</c> itself.
/// </summary>
internal sealed class FederationOptions
{
    private readonly Option<bool> central = new("--central")
    {
        Description = "Start en sentral instans (fylke eller direktorat): den viser kontorenes leverte aggregater og tar ikke imot persondata.",
    };

    private readonly Option<string?> deliverTo = new("--deliver-to")
    {
        Description = "Adressen (https://…) til den sentrale instansen som publiserte måneder leveres til som aggregater.",
    };

    private readonly Option<string?> deliveryKeys = new("--delivery-keys")
    {
        Description = "Fil med kontorenes leveringsnøkler, én linje per kontor: «NAV-nnnn NØKKEL» (fra «malekort central key» på den sentrale).",
    };

    private readonly Option<string?> trustCert = new("--trust-cert")
    {
        Description = "Sertifikat (PEM) å stole på som rot for den sentrale instansen, i tillegg til systemets (f.eks. fylkets egen CA).",
    };

    private readonly Option<bool> allowHttpLoopback = new("--allow-http-loopback")
    {
        Description = "Tillat ukryptert http:// til den sentrale instansen når den er på denne maskinen (127.0.0.1/localhost).",
    };

    private readonly Option<string?> tlsCert = new("--tls-cert") { Description = "Serverens sertifikat (PEM) for https://-adresser i --urls." };

    private readonly Option<string?> tlsKey = new("--tls-key") { Description = "Den private nøkkelen (PEM) til --tls-cert." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { central, deliverTo, deliveryKeys, trustCert, allowHttpLoopback, tlsCert, tlsKey }) command.Options.Add(option);
    }

    /// <summary>The options read and checked; null with the reason (Norwegian) when they do not hold.</summary>
    public Federated? Read(ParseResult parsed, out string? error)
    {
        error = null;
        X509Certificate2? certificate = null;
        if (parsed.GetValue(tlsCert) is { } certFile)
        {
            if (parsed.GetValue(tlsKey) is not { } keyFile) return Fail("--tls-cert trenger --tls-key (den private nøkkelen).", out error);
            try
            {
                certificate = X509Certificate2.CreateFromPemFile(certFile, keyFile);
            }
            catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
            {
                return Fail($"--tls-cert/--tls-key: kunne ikke lese sertifikatet og nøkkelen ({e.Message}).", out error);
            }
        }
        else if (parsed.GetValue(tlsKey) is not null) return Fail("--tls-key trenger --tls-cert.", out error);

        DeliveryTarget? target = null;
        if (parsed.GetValue(deliverTo) is { } address)
        {
            if (parsed.GetValue(deliveryKeys) is not { } keyPath)
                return Fail("--deliver-to trenger --delivery-keys (kontorenes nøkler hos den sentrale instansen).", out error);
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri)) return Fail($"--deliver-to: «{address}» er ikke en adresse.", out error);
            try
            {
                var trusted = new X509Certificate2Collection();
                if (parsed.GetValue(trustCert) is { } trustFile) trusted.ImportFromPemFile(trustFile);
                target = DeliveryTarget.Create(uri, DeliveryTarget.ReadKeys(keyPath), trusted, parsed.GetValue(allowHttpLoopback));
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException or UnauthorizedAccessException or CryptographicException)
            {
                return Fail($"--deliver-to: {e.Message.Split(" (Parameter", 2)[0]}", out error);
            }
        }
        else if (parsed.GetValue(deliveryKeys) is not null) return Fail("--delivery-keys trenger --deliver-to.", out error);
        return new Federated(parsed.GetValue(central), target, certificate);
    }

    /// <summary>Why the database does not fit the role asked for, or null: a central never opens one with person data, nor a local a central's.</summary>
    public static string? CheckRole(IMalekortStore store, bool central)
    {
        if (!central)
            return store.InstanceRole() == InstanceRole.Central
                ? "Databasen tilhører en sentral instans, som bare har aggregater. Start den med «serve --central»."
                : null;
        try
        {
            store.BecomeCentral();
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }

    private static Federated? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }
}
