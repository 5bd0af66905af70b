using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Pages.Centers;

/// <summary>A center with how many of its trainee places accepted placements take, for composing further in a query.</summary>
public sealed class CenterWithTakenPlaces
{
    public required Center Center { get; init; }
    public required int Taken { get; init; }
}

/// <summary>A center's trainee places as the directory and the center page show them.</summary>
public sealed record Places(int Total, int Taken)
{
    public int Open => Math.Max(0, Total - Taken);

    public int PercentTaken => Total == 0 ? 100 : Math.Min(100, Taken * 100 / Total);
}

public sealed record TherapyOffer(string Agent, int MonthlyCaseCapacity);

public static class CenterPlaces
{
    /// <summary>Counts the accepted placements of each center in the database, in the same query as the centers.</summary>
    public static IQueryable<CenterWithTakenPlaces> WithTakenPlaces(this IQueryable<Center> centers, AppDbContext db) =>
        centers.Select(c => new CenterWithTakenPlaces
        {
            Center = c,
            Taken = db.Placements.Count(p => p.CenterId == c.Id && p.Status == PlacementStatus.Accepted),
        });

    public static string RegulatorName(Regulator regulator) => regulator == Regulator.Nrc ? "NRC" : "Agreement State";
}
