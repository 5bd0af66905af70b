using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Setup;

public static class DataProtectionSetup
{
    public const string ApplicationName = "TrainingNetwork";
    public const string CertificatePathSetting = "DataProtection:CertificatePath";
    public const string CertificatePasswordSetting = "DataProtection:CertificatePassword";

    private const long KeyRingLock = 0x54_4E_4B_45_59_52_47;

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

    /// <summary>
    /// Instances starting together on an empty key ring would each create a key, and one may not read the other's until
    /// its ring refreshes a day later, refusing that instance's cookies meanwhile. The ring is loaded (its first key
    /// created) at start under an advisory lock, so a second instance waits and finds the first one's key.
    /// </summary>
    public static async Task LoadDataProtectionKeysAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var keyRingLock = await SessionLock.AcquireAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), KeyRingLock, CancellationToken.None);
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ApplicationName).Protect([]);
    }
}
