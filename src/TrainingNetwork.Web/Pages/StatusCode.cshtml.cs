using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrainingNetwork.Web.Setup;

namespace TrainingNetwork.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    public string CorrelationId => HttpContext.TraceIdentifier;

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code) =>
        (Heading, Explanation) = code switch
        {
            400 => ("This request could not be accepted", "Nothing was saved. The form may have expired or come from another page: open it again and send it from there."),
            405 => ("Not allowed", "This address does not accept that kind of request."),
            413 => ("Too large", "Nothing was saved: what was sent is larger than TrainingNetwork accepts."),
            404 => ("Page not found", "There is no page at this address. It may have moved, or the link may be mistyped."),
            403 => ("Not allowed", "Your account does not have access to this page."),
            429 => ("Too many requests", "Please wait a moment before trying again."),
            503 => (DatabaseUnavailablePage.Heading, DatabaseUnavailablePage.Explanation),
            _ => ("Something went wrong", "We could not finish that request."),
        };
}
