namespace TrainingNetwork.Web.Data;

/// <summary>
/// Cases logged and approved per center, agent and calendar month. PostgreSQL keeps these rows itself: a trigger on
/// <c>cases</c> adjusts them in the same transaction as every case written, moved or deleted (migration CaseMonthTallies),
/// so they always equal a count over the cases, and the dashboards read a few thousand rows instead of every case.
/// The portal only reads them.
/// </summary>
public sealed class CaseMonthTally
{
    public Guid CenterId { get; private set; }
    public string Agent { get; private set; } = "";

    /// <summary>The first day of the calendar month the cases were administered in.</summary>
    public DateOnly Month { get; private set; }

    public int Logged { get; private set; }
    public int Approved { get; private set; }
}
