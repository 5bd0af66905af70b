namespace TrainingNetwork.Web.Setup;

public static class RequestLimitsSetup
{
    public static void AddTrainingNetworkRequestLimits(this WebApplicationBuilder builder)
    {
    }

    public static void UseTrainingNetworkRequestLimits(this WebApplication app)
    {
    }
}
