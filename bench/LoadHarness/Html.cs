using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace LoadHarness;

/// <summary>Reads pages and fills in their forms the way a browser sends them.</summary>
internal static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>Where the form posts to: its action, or the page itself (query included) when it has none.</summary>
    public static Uri ActionOf(IHtmlFormElement form, Uri page) => new(page, form.GetAttribute("action") ?? "");

    /// <summary>
    /// The form's successful controls (inputs, checked boxes, selects, text areas; buttons and disabled controls left out),
    /// with <paramref name="values"/> set in place of any control of the same name.
    /// </summary>
    public static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        var set = values.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            if (element.HasAttribute("disabled") || element.GetAttribute("name") is not { Length: > 0 } name || set.Contains(name))
            {
                continue;
            }

            var value = element switch
            {
                IHtmlInputElement { Type: "checkbox" or "radio" } box => box.IsChecked ? box.Value : null,
                IHtmlInputElement { Type: "submit" or "button" or "image" or "reset" or "file" } => null,
                IHtmlInputElement input => input.Value,
                IHtmlSelectElement select => (select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null))?.Value,
                IHtmlTextAreaElement area => area.Value,
                _ => null,
            };
            if (value is not null)
            {
                fields.Add(KeyValuePair.Create(name, value));
            }
        }

        fields.AddRange(values);
        return fields;
    }

    /// <summary>The first validation message on a page that answered a post with itself, for a readable error.</summary>
    public static string FirstProblem(IDocument page) =>
        page.QuerySelectorAll(".validation-summary-errors li, .field-validation-error, [role=alert]")
            .Select(e => e.TextContent.Trim()).FirstOrDefault(t => t.Length > 0) ?? "(no validation message found on the page)";
}
