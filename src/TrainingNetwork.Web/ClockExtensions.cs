namespace TrainingNetwork.Web;

public static class ClockExtensions
{
    /// <summary>Today's date in UTC: the "evaluation date" every page and check uses.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
