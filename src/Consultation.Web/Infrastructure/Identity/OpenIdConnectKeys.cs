using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Consultation.Web.Infrastructure.Identity;

/// <summary>
/// The keys that sign and encrypt tokens. Tests use keys that live as long as the process; a developer's machine uses
/// OpenIddict's development certificates. Elsewhere the certificates come from configuration
/// ("OpenIdConnect:SigningCertificatePath"/"...Password", "OpenIdConnect:EncryptionCertificatePath"/"...Password"),
/// which several nodes must share; a single-machine install without them gets self-signed certificates, made once and
/// kept in the data directory's keys/ folder so that tokens survive a restart.
/// </summary>
public static class OpenIdConnectKeys
{
    const string Section = "OpenIdConnect";
    static readonly TimeSpan Validity = TimeSpan.FromDays(5 * 365);

    public static void Add(OpenIddictServerBuilder server, IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsEnvironment("Testing"))
        {
            server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
        }
        else if (environment.IsDevelopment())
        {
            server.AddDevelopmentSigningCertificate().AddDevelopmentEncryptionCertificate();
        }
        else
        {
            server.AddSigningCertificate(Load(configuration, "Signing", X509KeyUsageFlags.DigitalSignature));
            server.AddEncryptionCertificate(Load(configuration, "Encryption", X509KeyUsageFlags.KeyEncipherment));
        }
    }

    /// <summary>The configured certificate for this use ("Signing" or "Encryption"), else the one kept in the data directory.</summary>
    internal static X509Certificate2 Load(IConfiguration configuration, string use, X509KeyUsageFlags usage)
    {
        var path = configuration[$"{Section}:{use}CertificatePath"];
        var password = configuration[$"{Section}:{use}CertificatePassword"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }

        var keys = Path.Combine(InfrastructureSetup.DataDirectory(configuration), "keys");
        var file = Path.Combine(keys, $"{use.ToLowerInvariant()}.pfx");
        if (File.Exists(file))
        {
            var existing = X509CertificateLoader.LoadPkcs12FromFile(file, null, X509KeyStorageFlags.EphemeralKeySet);
            if (existing.NotAfter > DateTime.UtcNow.AddDays(30))
            {
                return existing;
            }
        }
        Directory.CreateDirectory(keys);
        var created = SelfSigned(use, usage);
        // Written beside the final name and moved into place, so a crash never leaves half a key file behind.
        var temporary = file + ".tmp";
        File.WriteAllBytes(temporary, created.Export(X509ContentType.Pkcs12));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temporary, file, overwrite: true);
        return created;
    }

    static X509Certificate2 SelfSigned(string use, X509KeyUsageFlags usage)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Consultation OpenID Connect {use}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.Add(Validity));
    }
}
