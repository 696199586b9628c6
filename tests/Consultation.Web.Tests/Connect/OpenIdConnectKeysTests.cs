using System.Security.Cryptography.X509Certificates;
using Consultation.Web.Infrastructure.Identity;
using Microsoft.Extensions.Configuration;

namespace Consultation.Web.Tests.Connect;

public sealed class OpenIdConnectKeysTests : IDisposable
{
    readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "consultation-keys-" + Guid.NewGuid().ToString("N"));

    IConfiguration Configuration(Dictionary<string, string?>? extra = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DataDirectory"] = dataDirectory }.Concat(extra ?? [])).Build();

    [Fact]
    public void A_single_machine_install_makes_its_keys_once_and_keeps_them_private_across_restarts()
    {
        var first = OpenIdConnectKeys.Load(Configuration(), "Signing", X509KeyUsageFlags.DigitalSignature);
        var afterRestart = OpenIdConnectKeys.Load(Configuration(), "Signing", X509KeyUsageFlags.DigitalSignature);
        var encryption = OpenIdConnectKeys.Load(Configuration(), "Encryption", X509KeyUsageFlags.KeyEncipherment);

        afterRestart.Thumbprint.ShouldBe(first.Thumbprint);
        first.HasPrivateKey.ShouldBeTrue();
        encryption.Thumbprint.ShouldNotBe(first.Thumbprint);
        encryption.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages.ShouldBe(X509KeyUsageFlags.KeyEncipherment);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(dataDirectory, "keys", "signing.pfx")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void Configured_certificates_are_used_instead()
    {
        var made = OpenIdConnectKeys.Load(Configuration(), "Signing", X509KeyUsageFlags.DigitalSignature);
        var path = Path.Combine(dataDirectory, "configured.pfx");
        File.WriteAllBytes(path, made.Export(X509ContentType.Pkcs12, "pass phrase"));

        var configured = OpenIdConnectKeys.Load(
            Configuration(new() { ["OpenIdConnect:SigningCertificatePath"] = path, ["OpenIdConnect:SigningCertificatePassword"] = "pass phrase" }),
            "Signing", X509KeyUsageFlags.DigitalSignature);

        configured.Thumbprint.ShouldBe(made.Thumbprint);
        configured.HasPrivateKey.ShouldBeTrue();
    }

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
