using System.Net;
using TrainingNetwork.Web.Tests.Api;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages;

public sealed class ReadinessCheckerTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Anyone_can_open_the_checker()
    {
        var page = await portal.CreateBrowserLikeClient().GetDocumentAsync("/Readiness");

        Assert.Equal("Readiness checker", page.Heading());
    }

    [Fact]
    public async Task A_pasted_record_is_explained_with_status_codes_and_citations()
    {
        var client = portal.CreateBrowserLikeClient();
        var checker = await client.GetDocumentAsync("/Readiness");

        var response = await client.SubmitAsync(checker, "form[action*='handler=Record']", new Dictionary<string, string>
        {
            ["RecordJson"] = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", "S02-two-of-three-cases.record.json")),
        });

        var result = await HtmlForms.ParseAsync(response);
        var category = result.QuerySelector("article[data-category='G3']")!;
        Assert.Equal("NOT_QUALIFIED", category.GetAttribute("data-status"));
        var finding = category.QuerySelector("li[data-code='CASES_MIN']")!;
        Assert.Contains("10 CFR 35.396(b)(2)(vi)", finding.TextContent);
    }

    [Fact]
    public async Task An_invalid_record_lists_every_problem_by_path()
    {
        var client = portal.CreateBrowserLikeClient();
        var checker = await client.GetDocumentAsync("/Readiness");

        var response = await client.SubmitAsync(checker, "form[action*='handler=Record']", new Dictionary<string, string>
        {
            ["RecordJson"] = ReadinessApiTests.ExampleRecord().Replace("\"2026-06-15\"", "\"2026-02-30\"", StringComparison.Ordinal),
        });

        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("$.evaluation_date", page.QuerySelector("#record-errors")!.TextContent);
        Assert.Null(page.QuerySelector("#result"));
    }

    [Fact]
    public async Task The_guided_form_evaluates_a_common_35_396_case()
    {
        var client = portal.CreateBrowserLikeClient();
        var checker = await client.GetDocumentAsync("/Readiness");
        var fields = new Dictionary<string, string>
        {
            ["Guided.EvaluationDate"] = "2026-11-01",
            ["Guided.State"] = "MO",
            ["Guided.PriorAuthorization"] = "35.490",
            ["Guided.PriorAuthorizationSince"] = "2020-01-01",
            ["Guided.ClassroomCompleted"] = "2026-03-01",
            ["Guided.PreceptorListedSince"] = "2015-01-01",
        };
        for (var i = 0; i < 5; i++)
        {
            fields[$"Guided.TopicHours[{i}]"] = "16";
            fields[$"Guided.WorkElementsDone[{i}]"] = "true";
        }

        for (var i = 0; i < 2; i++)
        {
            fields[$"Guided.Cases[{i}].Date"] = $"2026-0{5 + i}-10";
            fields[$"Guided.Cases[{i}].Agent"] = "Lu-177 dotatate (Lutathera)";
            fields[$"Guided.Cases[{i}].ActivityMbq"] = "7400";
            fields[$"Guided.Cases[{i}].SignedOff"] = "true";
        }

        var response = await client.SubmitAsync(checker, "form[action*='handler=Guided']", fields);

        var result = await HtmlForms.ParseAsync(response);
        var category = result.QuerySelector("article[data-category='G3']")!;
        Assert.Equal("NOT_QUALIFIED", category.GetAttribute("data-status"));
        var codes = category.QuerySelectorAll("li[data-code]").Select(li => li.GetAttribute("data-code")).ToList();
        Assert.Contains("CASES_MIN", codes);
        Assert.Contains("ATTESTATION_MISSING", codes);
        Assert.DoesNotContain("CLASSROOM_HOURS", codes);
    }

    [Fact]
    public async Task A_half_filled_case_row_is_refused_with_a_message()
    {
        var client = portal.CreateBrowserLikeClient();
        var checker = await client.GetDocumentAsync("/Readiness");

        var response = await client.SubmitAsync(checker, "form[action*='handler=Guided']", new Dictionary<string, string>
        {
            ["Guided.EvaluationDate"] = "2026-11-01",
            ["Guided.State"] = "MO",
            ["Guided.Cases[0].ActivityMbq"] = "7400",
        });

        var page = await HtmlForms.ParseAsync(response);
        Assert.Contains("Case 1: give its date, radiopharmaceutical and activity", page.Body!.TextContent);
        Assert.Null(page.QuerySelector("#result"));
    }
}
