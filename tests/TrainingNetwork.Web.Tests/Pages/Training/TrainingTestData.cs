using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages.Training;

/// <summary>Sign-ins, form posts and database look-ups shared by the Training page tests.</summary>
internal static class TrainingTestData
{
    /// <summary>A demo physician who has recorded nothing yet (stage 0).</summary>
    public const string NewPhysician = "trainee01@trainingnetwork.test";

    /// <summary>A demo physician with 11 classroom hours in each topic (stage 1).</summary>
    public const string PhysicianInClass = "trainee04@trainingnetwork.test";

    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);


    /// <summary>Runs <paramref name="query"/> against the portal's database.</summary>
    public static async Task<T> QueryAsync<T>(this PortalFactory portal, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static Task<string> UserIdAsync(this PortalFactory portal, string email) =>
        portal.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task<Guid> TraineeIdAsync(this PortalFactory portal, string email) =>
        portal.QueryAsync(db => db.Trainees.Where(t => db.Users.Any(u => u.Id == t.UserId && u.Email == email)).Select(t => t.Id).SingleAsync());

    /// <summary>Posts <paramref name="values"/> to <paramref name="url"/> with the antiforgery token taken from <paramref name="page"/>.</summary>
    public static Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, IHtmlDocument page, string url, IReadOnlyDictionary<string, string>? values = null)
    {
        var token = page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        return client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. values ?? new Dictionary<string, string>()]));
    }

    /// <summary>Posts a form as the browser does when it has a file input: multipart, hidden fields included.</summary>
    public static async Task<HttpResponseMessage> SubmitWithFileAsync(
        this HttpClient client, IHtmlDocument page, string formSelector, IReadOnlyDictionary<string, string> values,
        string fileField, string fileName, byte[] content)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        using var body = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(input => input.Type == "hidden" && !values.ContainsKey(input.Name!)))
        {
            body.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        foreach (var (name, value) in values)
        {
            body.Add(new StringContent(value), name);
        }

        body.Add(new ByteArrayContent(content), fileField, fileName);
        return await client.PostAsync(new Uri(page.Url), body);
    }
}
