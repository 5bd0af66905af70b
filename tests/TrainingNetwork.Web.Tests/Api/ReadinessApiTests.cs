using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Api;

public sealed class ReadinessApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Endpoint = "/api/v1/readiness/evaluate";

    public static TheoryData<string> Examples => [.. Directory.GetFiles(ExamplesDirectory, "*.record.json").Select(path => Path.GetFileName(path))];

    private static string ExamplesDirectory => Path.Combine(AppContext.BaseDirectory, "Examples");

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_spec_example_gives_the_expected_codes_citations_and_statuses(string recordFile)
    {
        var response = await PostAsync(File.ReadAllText(Path.Combine(ExamplesDirectory, recordFile)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var actual = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(ExamplesDirectory, recordFile.Replace(".record.", ".expected.", StringComparison.Ordinal))))!;
        Assert.Equal(WithoutDetails(expected), WithoutDetails(actual));
        Assert.False(string.IsNullOrEmpty(actual["engine_version"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_naming_the_position()
    {
        var problem = await ProblemAsync(await PostAsync("{\"format\": "), HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem["errors"]!.AsArray());
        Assert.StartsWith("$", problem["errors"]![0]!["path"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$.cases[0].activity_mbq", "NaN")]
    [InlineData("$.cases[0].activity_mbq", "1e400")]
    [InlineData("$.cases[0].activity_mbq", "-5")]
    [InlineData("$.cases[0].date", "\"2026-02-30\"")]
    [InlineData("$.cases[0].route", "\"NASAL\"")]
    [InlineData("$.requested_categories[0]", "\"G4\"")]
    public async Task Bad_values_are_a_400_naming_their_json_path(string path, string badValue)
    {
        var record = WithValue(ExampleRecord(), path, badValue);

        var problem = await ProblemAsync(await PostAsync(record), HttpStatusCode.BadRequest);

        Assert.Contains(problem["errors"]!.AsArray(), e => e!["path"]!.GetValue<string>() == path);
    }

    [Fact]
    public async Task A_record_with_many_bad_fields_gets_one_400_listing_every_problem()
    {
        var record = ExampleRecord();
        foreach (var (path, value) in new[] { ("$.cases[0].activity_mbq", "-1"), ("$.cases[1].date", "\"2026-13-01\""), ("$.evaluation_date", "\"yesterday\"") })
        {
            record = WithValue(record, path, value);
        }

        var problem = await ProblemAsync(await PostAsync(record), HttpStatusCode.BadRequest);

        var paths = problem["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ToList();
        Assert.Contains("$.cases[0].activity_mbq", paths);
        Assert.Contains("$.cases[1].date", paths);
        Assert.Contains("$.evaluation_date", paths);
    }

    [Fact]
    public async Task A_20_mb_body_is_refused_with_413()
    {
        var huge = "{\"pad\":\"" + new string('x', 20 * 1024 * 1024) + "\"}";

        await ProblemAsync(await PostAsync(huge), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Ten_thousand_cases_are_refused_with_a_clear_answer()
    {
        var record = JsonNode.Parse(ExampleRecord())!;
        var template = record["cases"]![0]!.ToJsonString();
        var cases = new JsonArray();
        for (var i = 0; i < 10_000; i++)
        {
            var item = JsonNode.Parse(template)!;
            item["case_id"] = $"C{i}";
            cases.Add(item);
        }

        record["cases"] = cases;

        var response = await PostAsync(record.ToJsonString());

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge });
        Assert.False(string.IsNullOrEmpty((await ProblemAsync(response, response.StatusCode))["title"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Other_content_types_are_refused_with_415()
    {
        var response = await portal.CreateClient().PostAsync(Endpoint, new StringContent("pathway=35.396", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_api_paths_answer_with_status_codes_not_sign_in_redirects()
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync("/api/v1/not-there");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoint()
    {
        var document = JsonNode.Parse(await portal.CreateClient().GetStringAsync("/openapi/v1.json"))!;

        var operation = document["paths"]![Endpoint]!["post"]!;
        Assert.Equal("EvaluateReadiness", operation["operationId"]!.GetValue<string>());
        Assert.NotNull(operation["responses"]!["429"]);
    }

    private Task<HttpResponseMessage> PostAsync(string json) =>
        portal.CreateClient().PostAsync(Endpoint, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    internal static string ExampleRecord() => File.ReadAllText(Path.Combine(ExamplesDirectory, "S01-baseline-qualified.record.json"));

    /// <summary>Replaces the value at a simple path like $.cases[0].date with raw JSON text (which may be invalid JSON such as NaN).</summary>
    private static string WithValue(string json, string path, string rawValue)
    {
        const string marker = "\"__replace_me__\"";
        var root = JsonNode.Parse(json)!;
        var segments = path[2..].Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.');
        var parent = segments[..^1].Aggregate(root, (node, segment) => int.TryParse(segment, out var i) ? node[i]! : node[segment]!);
        var last = segments[^1];
        if (int.TryParse(last, out var index))
        {
            parent[index] = "__replace_me__";
        }
        else
        {
            parent[last] = "__replace_me__";
        }

        return root.ToJsonString().Replace(marker, rawValue, StringComparison.Ordinal);
    }

    private static string WithoutDetails(JsonNode node)
    {
        var copy = node.DeepClone();
        Strip(copy);
        return copy.ToJsonString();

        static void Strip(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    o.Remove("detail");
                    o.Remove("engine_version");
                    foreach (var (_, child) in o.ToList())
                    {
                        Strip(child);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Strip(child);
                    }

                    break;
            }
        }
    }
}

public sealed class RateLimitedPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:PublicApiPerMinute", "3");
        builder.UseSetting("RateLimits:AccountPostsPerMinute", "3");
    }
}

public sealed class ReadinessApiRateLimitTests(RateLimitedPortalFactory portal) : IClassFixture<RateLimitedPortalFactory>
{
    [Fact]
    public async Task Past_the_limit_a_client_gets_429_with_retry_after()
    {
        var client = portal.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsync("/api/v1/readiness/evaluate", new StringContent(ReadinessApiTests.ExampleRecord(), Encoding.UTF8, "application/json"));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(new MediaTypeHeaderValue("application/problem+json").MediaType, last.Content.Headers.ContentType?.MediaType);
        Assert.Contains("records a minute", JsonDocument.Parse(await last.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }
}
