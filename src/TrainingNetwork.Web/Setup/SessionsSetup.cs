namespace TrainingNetwork.Web.Setup;

public static class SessionsSetup
{
    public static void AddTrainingNetworkSessions(this WebApplicationBuilder builder)
    {
    }

    public static void UseTrainingNetworkSessions(this WebApplication app)
    {
    }
}
