using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace TrainingNetwork.Web.Tests.Infrastructure;

/// <summary>Reads pages the way a browser would and posts their forms, antiforgery token included.</summary>
public static class HtmlForms
{
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return (IHtmlDocument)await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    /// <summary>Fills the named fields of the form matched by <paramref name="formSelector"/> and posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IHtmlDocument page, string formSelector, IReadOnlyDictionary<string, string> values)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        // Pairs, not a dictionary: ASP.NET repeats names (a checkbox and its hidden "false", several __Invariant markers).
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => !string.IsNullOrEmpty(input.Name) && input.Type is not ("checkbox" or "submit" or "file"))
            .Where(input => !values.ContainsKey(input.Name!))
            .Select(input => KeyValuePair.Create(input.Name!, input.Value))
            .Concat(values)
            .ToList();

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? new Uri(page.Url) : new Uri(new Uri(page.Url), form.GetAttribute("action"));
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password)
    {
        var login = await client.GetDocumentAsync("/Identity/Account/Login");
        return await client.SubmitAsync(login, "form#account", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    public static string? Heading(this IDocument page) => page.QuerySelector("h1")?.TextContent.Trim();
}
