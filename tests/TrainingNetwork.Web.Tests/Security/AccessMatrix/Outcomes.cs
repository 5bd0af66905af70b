using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace TrainingNetwork.Web.Tests.Security.AccessMatrix;

/// <summary>How an answer reads in the matrix.</summary>
public static class Outcomes
{
    /// <summary>Any answer that is not a refusal: the handler ran (a page, a validation re-render, a redirect elsewhere, a file).</summary>
    public const string Allow = "allow";

    /// <summary>401 from the API, or 302 to the sign-in page and back to this request: a challenge, not a page that links to sign-in.</summary>
    public const string Login = "login";

    /// <summary>403, or 302 to the access-denied page: the role may not use this endpoint.</summary>
    public const string Deny = "deny";

    /// <summary>404: the role may use the endpoint, but this object is not theirs to see.</summary>
    public const string NotFound = "notfound";

    /// <summary>The principal cannot be meaningful for the row (the comment says why); not requested.</summary>
    public const string NotApplicable = "n/a";

    public static readonly IReadOnlySet<string> Expectable = new HashSet<string> { Allow, Login, Deny, NotFound, NotApplicable };

    /// <summary>
    /// The outcome of an answer. A 400 counts as allowed only when it is a problem document (the API's validation answer);
    /// a bare 400 is an antiforgery refusal. 429 and 5xx are never expected, so they always show up as differences.
    /// </summary>
    public static string Of(HttpResponseMessage response)
    {
        var request = response.RequestMessage!.RequestUri!;
        var location = response.Headers.Location is { } to ? new Uri(request, to) : null;
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => Login,
            HttpStatusCode.Forbidden => Deny,
            HttpStatusCode.NotFound => NotFound,
            >= HttpStatusCode.Redirect and < HttpStatusCode.BadRequest when IsChallenge(location, request) => Login,
            >= HttpStatusCode.Redirect and < HttpStatusCode.BadRequest when location?.AbsolutePath == "/Identity/Account/AccessDenied" => Deny,
            HttpStatusCode.BadRequest when response.Content.Headers.ContentType?.MediaType == "application/problem+json" => Allow,
            HttpStatusCode.BadRequest => "bad-request",
            HttpStatusCode.TooManyRequests => "rate-limited",
            >= HttpStatusCode.InternalServerError => $"error-{(int)response.StatusCode}",
            _ => Allow,
        };
    }

    private static bool IsChallenge(Uri? location, Uri request) =>
        location?.AbsolutePath == "/Identity/Account/Login"
        && QueryHelpers.ParseQuery(location.Query).TryGetValue("ReturnUrl", out var returnUrl)
        && returnUrl.ToString() == request.PathAndQuery;
}
