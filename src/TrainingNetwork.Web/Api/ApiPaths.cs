namespace TrainingNetwork.Web.Api;

/// <summary>Where the API lives: its callers get status codes and problem details, never pages or redirects.</summary>
public static class ApiPaths
{
    public const string Prefix = "/api";

    public static bool IsApi(this PathString path) => path.StartsWithSegments(Prefix);
}
