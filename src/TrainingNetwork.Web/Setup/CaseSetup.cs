using TrainingNetwork.Domain.Validation;

namespace TrainingNetwork.Web.Setup;

/// <summary>The secret key that turns a patient pseudonym into a per-center token (<see cref="PatientPseudonym.Token"/>).</summary>
public sealed record PseudonymKey(byte[] Bytes);

public static class CaseSetup
{
    public const string PseudonymKeySetting = "Cases:PseudonymKey";

    /// <summary>
    /// Reads Cases:PseudonymKey (base64, at least 32 bytes) and refuses to start without it: the key must stay the
    /// same for the life of the data, or the same patient would get a new token and repeat cycles could not be seen.
    /// Development reads a fixed, public key from appsettings.Development.json.
    /// </summary>
    public static void AddTrainingNetworkCases(this WebApplicationBuilder builder)
    {
        var key = Decode(builder.Configuration[PseudonymKeySetting]);
        if (key is null || key.Length < PatientPseudonym.MinKeyBytes)
        {
            throw new InvalidOperationException(
                $"No valid patient pseudonym key. Set {PseudonymKeySetting} (environment variable Cases__PseudonymKey) " +
                $"to at least {PatientPseudonym.MinKeyBytes} random bytes in base64, for example the output of `openssl rand -base64 32`, " +
                "and keep it unchanged for the life of the database.");
        }

        builder.Services.AddSingleton(new PseudonymKey(key));
    }

    private static byte[]? Decode(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) ? buffer[..written] : null;
    }
}
