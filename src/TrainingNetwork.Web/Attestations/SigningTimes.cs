using System.Globalization;

namespace TrainingNetwork.Web.Attestations;

/// <summary>How signing times are shown on packets and the verification page: UTC, and the signer's own zone beside it.</summary>
public static class SigningTimes
{
    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The time in the signer's IANA zone with its offset, or just the zone's name when this machine does not know it.</summary>
    public static string InZone(DateTimeOffset at, string zone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var timeZone)
            ? TimeZoneInfo.ConvertTime(at, timeZone).ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture) + " " + zone
            : zone;
}
