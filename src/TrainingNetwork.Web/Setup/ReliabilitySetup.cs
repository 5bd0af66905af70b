namespace TrainingNetwork.Web.Setup;

public static class ReliabilitySetup
{
    public static void AddTrainingNetworkReliability(this WebApplicationBuilder builder)
    {
    }

    public static void UseTrainingNetworkReliability(this WebApplication app)
    {
    }
}
