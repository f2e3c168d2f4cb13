using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Web;

public class DataProtectionTests(DatabaseFixture database) : IntegrationTest(database)
{
    [Fact]
    public async Task Key_ring_in_the_database_is_encrypted_when_a_certificate_is_configured()
    {
        var certificatePath = Path.Combine(Path.GetTempPath(), $"np-dp-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Nämndportal data protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, "test-lösen"));
        }

        try
        {
            await using var app = await PortalFactory.StartAsync(Database, new Dictionary<string, string?>
            {
                ["DataProtection:CertificatePath"] = certificatePath,
                ["DataProtection:CertificatePassword"] = "test-lösen",
            });
            using var client = app.CreateBrowserLikeClient();
            (await client.GetAsync("/konto/logga-in")).EnsureSuccessStatusCode();

            await using var db = Database.CreateContext();
            var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
            keys.ShouldNotBeEmpty();
            keys.ShouldAllBe(xml => xml!.Contains("EncryptedData") && !xml.Contains("<value>"));
        }
        finally
        {
            File.Delete(certificatePath);
        }
    }

    [Fact]
    public async Task Without_a_certificate_the_key_ring_is_stored_readable()
    {
        await using var app = await PortalFactory.StartAsync(Database);
        using var client = app.CreateBrowserLikeClient();
        (await client.GetAsync("/konto/logga-in")).EnsureSuccessStatusCode();

        await using var db = Database.CreateContext();
        (await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync()).ShouldContain(xml => xml!.Contains("<value>"));
    }
}
