using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace LoadHarness;

/// <summary>
/// The scale-out check: one case submitted across instances and reviewed across them again, so sign-in cookies and
/// antiforgery tokens issued by one instance must be accepted by the other. Each step prints the instance that served it.
/// </summary>
internal static class Cycle
{
    public static async Task<int> RunAsync(LoadOptions options)
    {
        var a = options.Portals[0];
        var b = options.Portals[^1];
        if (a == b)
        {
            Console.WriteLine($"warning: one instance given ({a}); the cycle does not cross instances.");
        }

        try
        {
            await WalkAsync(options, a, b);
            Console.WriteLine("cycle: OK");
            return 0;
        }
        catch (CycleFailed e)
        {
            Console.WriteLine($"cycle: FAILED: {e.Message}");
            return 1;
        }
    }

    private static async Task WalkAsync(LoadOptions options, Uri a, Uri b)
    {
        var ct = CancellationToken.None;
        var accounts = new Accounts(options.Connection);
        using var signIns = new SignIns([a], options.Connection);
        var physicianEmail = (await accounts.PhysiciansWithAcceptedPlacementAsync(1, ct)).FirstOrDefault()
            ?? throw new CycleFailed("no physician has an accepted placement.");

        using var physician = await signIns.SignInAsync(new Session(a, physicianEmail), needsTwoFactor: false, ct);
        Step(a, $"{physicianEmail} signed in");
        var (form, action) = await physician.GetFormAsync(new Uri("/Cases/Create", UriKind.Relative), "form#case-form", ct);
        Step(a, "GET /Cases/Create: form loaded");
        // Letters only: seven digits in a row read as a medical record number, and the portal refuses such a note.
        var note = $"cycle {string.Concat(Guid.NewGuid().ToString("N").Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + 'q') : c))}";
        List<KeyValuePair<string, string>> fields = [.. CaseSubmitScenario.CaseFields(form).Where(f => f.Key != "Input.Note"), new("Input.Note", note)];
        using (var submitted = await physician.PostFormAsync(new Uri(b, action.PathAndQuery), fields, ct))
        {
            await ExpectAsync(submitted, $"POST {action.PathAndQuery} with A's cookie and antiforgery token", ct);
            Step(b, $"POST {action.PathAndQuery}: {(int)submitted.StatusCode} to {submitted.Headers.Location}");
        }

        var saved = await accounts.CaseWithNoteAsync(note, ct) ?? throw new CycleFailed("the acknowledged case is not in the database.");
        Console.WriteLine($"[db] case {saved.Id} saved as {saved.Status}, supervisor {saved.SupervisorEmail}");

        using var preceptor = await signIns.SignInAsync(new Session(b, saved.SupervisorEmail), needsTwoFactor: true, ct);
        Step(b, $"{saved.SupervisorEmail} signed in (two factors)");
        var (status, queue, _) = await preceptor.GetPageAsync(new Uri("/Reviews", UriKind.Relative), ct);
        if (queue?.QuerySelector($"tr[data-case='{saved.Id}']") is null)
        {
            throw new CycleFailed($"GET /Reviews on {b} answered {(int)status} without the case in the queue.");
        }

        Step(b, "GET /Reviews: the case is waiting in the queue");
        var casePage = new Uri(a, $"/Reviews/Case/{saved.Id}");
        var (reviewStatus, review, _) = await preceptor.GetPageAsync(casePage, ct);
        var approve = review?.QuerySelector<IHtmlFormElement>("form#approve-form")
            ?? throw new CycleFailed($"GET {casePage.AbsolutePath} on {a} answered {(int)reviewStatus} without an approve form: " +
                (review is null ? "" : review.QuerySelector("#refusal")?.TextContent.Trim()));
        Step(a, $"GET {casePage.AbsolutePath}: approve form loaded");
        var approveAction = Html.ActionOf(approve, casePage);
        using (var approved = await preceptor.PostFormAsync(approveAction, Html.Fields(approve, []), ct))
        {
            await ExpectAsync(approved, $"POST {approveAction.PathAndQuery} with B's cookie", ct);
            Step(a, $"POST {approveAction.PathAndQuery}: {(int)approved.StatusCode} to {approved.Headers.Location}");
        }

        var final = await accounts.CaseWithNoteAsync(note, ct);
        Console.WriteLine($"[db] case {saved.Id} is {final?.Status}");
        if (final?.Status != "Approved")
        {
            throw new CycleFailed($"the case is {final?.Status ?? "missing"}, not Approved.");
        }
    }

    /// <summary>Throws unless the post was accepted (a redirect, not to sign-in); a page answered instead is quoted by its first problem.</summary>
    private static async Task ExpectAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (response.StatusCode != HttpStatusCode.Redirect || Session.IsSignIn(response.Headers.Location))
        {
            var problem = response.StatusCode == HttpStatusCode.OK ? Html.FirstProblem(Html.Parse(await response.Content.ReadAsStringAsync(ct))) : "";
            throw new CycleFailed($"{what} answered {(int)response.StatusCode} {response.Headers.Location}{problem}");
        }
    }

    private static void Step(Uri instance, string what) => Console.WriteLine($"[{instance.Authority}] {what}");

    private sealed class CycleFailed(string message) : Exception(message);
}
