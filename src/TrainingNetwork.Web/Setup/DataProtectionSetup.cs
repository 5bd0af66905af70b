using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Setup;

public static class DataProtectionSetup
{
    public const string ApplicationName = "TrainingNetwork";
    public const string CertificatePathSetting = "DataProtection:CertificatePath";
    public const string CertificatePasswordSetting = "DataProtection:CertificatePassword";

    /// <summary>
    /// The key ring lives in the database, so every instance (and every restart) reads and writes the same keys: a
    /// cookie or antiforgery token issued by one instance is accepted by the others. Outside Development the keys are
    /// encrypted at rest with a certificate whose path and password come from configuration (the secret store).
    /// </summary>
    public static void AddTrainingNetworkDataProtection(this WebApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();

        var certificatePath = builder.Configuration[CertificatePathSetting];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(certificatePath, builder.Configuration[CertificatePasswordSetting]));
        }
    }
}
