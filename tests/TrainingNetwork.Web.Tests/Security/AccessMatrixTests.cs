using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Security.AccessMatrix;

namespace TrainingNetwork.Web.Tests.Security;

/// <summary>
/// Requirements 16–18 and 21: every endpoint of the running app, asked by every principal, answers as access-matrix.csv
/// says; state changes need the caller's own antiforgery token; no GET handler writes.
/// </summary>
public sealed partial class AccessMatrixTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private static readonly string MatrixPath = Path.Combine(AppContext.BaseDirectory, "Security", "access-matrix.csv");

    /// <summary>Pages reviewed to ignore antiforgery tokens, and why.</summary>
    private static readonly Dictionary<string, string> IgnoresAntiforgeryOnPurpose = new()
    {
        ["/StatusCode"] = "Status pages are re-executed for POSTs (UseStatusCodePagesWithReExecute keeps the method); it writes nothing.",
        ["/Error"] = "The exception handler re-executes the failed request, POSTs included, on /Error; it writes nothing.",
    };

    private static readonly string[] PageFolders = ["Pages", "Areas"];

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_endpoint_answers_every_principal_as_the_access_matrix_says()
    {
        var catalog = await EndpointCatalog.ReadAsync(portal.Services);
        var samples = await MatrixSamples.ResolveAsync(portal.Services, catalog.StaticAssetPath);
        var rows = MatrixFile.Read(MatrixPath);
        var browsers = new MatrixBrowsers(portal);
        var existing = catalog.Keys.ToHashSet();
        var problems = new List<string>();

        problems.AddRange(rows.GroupBy(r => r.Key).Where(g => g.Count() > 1).Select(g => $"Listed {g.Count()} times: {g.Key}"));
        problems.AddRange(rows.Where(r => !existing.Contains(r.Key)).Select(r => $"Listed, but the app has no such endpoint: {r.Key}"));
        foreach (var row in rows.Where(r => existing.Contains(r.Key)))
        {
            foreach (var (principal, expected) in row.Expected.Where(e => e.Value != Outcomes.NotApplicable))
            {
                var (outcome, detail) = await AskAsync(browsers, samples, row.Key, principal);
                if (outcome != expected)
                {
                    problems.Add($"{row.Key} as {principal}: expected {expected}, got {outcome} ({detail})");
                }
            }
        }

        var unlisted = new List<string>();
        foreach (var key in catalog.Keys.Except(rows.Select(r => r.Key)))
        {
            var observed = new List<string>();
            foreach (var principal in MatrixFile.Principals)
            {
                observed.Add((await AskAsync(browsers, samples, key, principal)).Outcome);
            }

            unlisted.Add(MatrixFile.Line(key, observed, "observed: review every cell before pasting"));
        }

        Assert.True(problems.Count == 0 && unlisted.Count == 0, Report(problems, unlisted));
    }

    [Theory]
    [MemberData(nameof(RepresentativeForms))]
    public async Task A_post_without_a_token_or_with_another_users_token_is_refused_with_400(string principal, string route, string handler)
    {
        var samples = await MatrixSamples.ResolveAsync(portal.Services, "");
        var browsers = new MatrixBrowsers(portal);
        var account = MatrixBrowsers.AccountFor(principal, route);
        var browser = await browsers.ForAsync(account);
        // A visitor's token comes from another visitor's browser; a user's from another user's.
        var other = await browsers.OpenAsync(account is null ? null : account == DemoAccounts.Trainee ? DemoAccounts.Preceptor : DemoAccounts.Trainee);
        var path = WithHandler(samples.PathFor(route)!, handler);
        var noFields = new Dictionary<string, string>();

        var withoutToken = await browser.Client.SendAsync(browsers.Request("POST", path, noFields, token: null));
        var withForeignToken = await browser.Client.SendAsync(browsers.Request("POST", path, noFields, other.Token));

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withForeignToken.StatusCode);
    }

    public static TheoryData<string, string, string> RepresentativeForms => new()
    {
        { "anonymous", "/Identity/Account/Register", "" },
        { "trainee", "/Cases/Create", "" },
        { "trainee", "/Identity/Account/Logout", "" },
        { "preceptor", "/Reviews/Case/{id:guid}", "Approve" },
        { "coordinator", "/Coordination/Profile/{centerId:guid}", "" },
        { "staff", "/Network/Verification/Listing/{id:guid}", "Reject" },
        { "admin", "/Admin/Account/{userId}", "Grant" },
    };

    [Fact]
    public async Task A_case_is_saved_only_with_the_physicians_own_antiforgery_token()
    {
        var browsers = new MatrixBrowsers(portal);
        var physician = await browsers.ForAsync(DemoAccounts.Trainee);
        var preceptor = await browsers.ForAsync(DemoAccounts.Preceptor);
        var body = await ValidCaseAsync();
        var countBefore = await CaseCountAsync();

        var withoutToken = await physician.Client.SendAsync(browsers.Request("POST", "/Cases/Create", body, token: null));
        var withForeignToken = await physician.Client.SendAsync(browsers.Request("POST", "/Cases/Create", body, preceptor.Token));
        var countAfterRefusals = await CaseCountAsync();
        var withOwnToken = await physician.Client.SendAsync(browsers.Request("POST", "/Cases/Create", body, physician.Token));

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withForeignToken.StatusCode);
        Assert.Equal(countBefore, countAfterRefusals);
        Assert.Equal(HttpStatusCode.Redirect, withOwnToken.StatusCode);
        Assert.Equal(countBefore + 1, await CaseCountAsync());
    }

    [Fact]
    public async Task No_page_ignores_antiforgery_tokens_except_the_reviewed_status_pages()
    {
        var catalog = await EndpointCatalog.ReadAsync(portal.Services);

        var ignoring = catalog.Pages
            .Where(page => page.FilterDescriptors.Any(f => f.Filter is IgnoreAntiforgeryTokenAttribute)
                || page.HandlerTypeInfo.IsDefined(typeof(IgnoreAntiforgeryTokenAttribute), inherit: true)
                || page.ModelTypeInfo?.IsDefined(typeof(IgnoreAntiforgeryTokenAttribute), inherit: true) == true)
            .Select(page => page.ViewEnginePath)
            .Order(StringComparer.Ordinal);

        Assert.Equal(IgnoresAntiforgeryOnPurpose.Keys.Order(StringComparer.Ordinal), ignoring);
    }

    [Fact]
    public void No_OnGet_handler_saves_changes()
    {
        var handlers = PageModelSources()
            .SelectMany(file => OnGetHandler().Matches(file.Text).Select(m => (file.Path, Handler: m.Groups["name"].Value, Body: BodyAfter(file.Text, m.Index + m.Length))))
            .ToList();

        Assert.Contains(handlers, h => h.Path.EndsWith("Cases/Details.cshtml.cs", StringComparison.Ordinal) && h.Handler == "OnGetAsync");
        Assert.Empty(handlers.Where(h => DatabaseWrite().IsMatch(h.Body)).Select(h => $"{h.Path}: {h.Handler}"));
    }

    private async Task<(string Outcome, string Detail)> AskAsync(MatrixBrowsers browsers, MatrixSamples samples, MatrixKey key, string principal)
    {
        if (samples.PathFor(key.Route) is not { } path)
        {
            return ("no-sample", $"add a sample value for {key.Route} to {nameof(MatrixSamples)}");
        }

        using var response = await browsers.SendAsync(MatrixBrowsers.AccountFor(principal, key.Route), key.Method, WithHandler(path, key.Handler), samples.BodyFor(key));
        var location = response.Headers.Location is { } to ? $" to {to.OriginalString}" : "";
        return (Outcomes.Of(response), $"{(int)response.StatusCode}{location}");
    }

    private static string WithHandler(string path, string handler) =>
        handler.Length == 0 ? path : $"{path}{(path.Contains('?') ? '&' : '?')}handler={handler}";

    private static string Report(List<string> problems, List<string> unlisted)
    {
        var report = new List<string>();
        if (problems.Count > 0)
        {
            report.Add($"{problems.Count} difference(s) from {Path.GetFileName(MatrixPath)}:");
            report.AddRange(problems.Select(p => "  " + p));
        }

        if (unlisted.Count > 0)
        {
            report.Add($"{unlisted.Count} endpoint(s) missing from the matrix; as observed now, ready to paste after review:");
            report.AddRange(unlisted);
        }

        return string.Join(Environment.NewLine, report);
    }

    private async Task<Dictionary<string, string>> ValidCaseAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var preceptor = await db.Users.Where(u => u.Email == DemoAccounts.Preceptor).Select(u => u.Id).SingleAsync();
        var gateway = await db.CenterMemberships.Where(m => m.UserId == preceptor).Select(m => m.CenterId).SingleAsync();
        return new Dictionary<string, string>
        {
            ["Input.CenterId"] = gateway.ToString(),
            ["Input.SupervisorUserId"] = preceptor,
            ["Input.AdministeredOn"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"),
            ["Input.Agent"] = "Lu-177 dotatate (Lutathera)",
            ["Input.ActivityAmount"] = "7400",
            ["Input.ActivityUnit"] = "MBq",
            ["save"] = "Draft",
        };
    }

    private async Task<int> CaseCountAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.CountAsync();
    }

    private static IEnumerable<(string Path, string Text)> PageModelSources([CallerFilePath] string thisFile = "")
    {
        var web = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "src", "TrainingNetwork.Web"));
        return PageFolders
            .Select(folder => Path.Combine(web, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Select(file => (Path.GetRelativePath(web, file), File.ReadAllText(file)));
    }

    /// <summary>The handler's body after its parameter list: an expression up to its ';', or a block up to its closing brace.</summary>
    private static string BodyAfter(string text, int parametersStart)
    {
        var depth = 1;
        var i = parametersStart;
        while (depth > 0)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            i++;
        }

        var start = i;
        var expression = text.AsSpan(i).TrimStart().StartsWith("=>");
        depth = 0;
        for (; i < text.Length; i++)
        {
            depth += text[i] switch { '{' or '(' => 1, '}' or ')' => -1, _ => 0 };
            if ((expression && depth == 0 && text[i] == ';') || (!expression && depth == 0 && text[i] == '}'))
            {
                break;
            }
        }

        return text[start..i];
    }

    [GeneratedRegex(@"public\s+(?:async\s+)?[\w<>?]+\s+(?<name>OnGet\w*)\s*\(")]
    private static partial Regex OnGetHandler();

    [GeneratedRegex(@"SaveChanges|ExecuteUpdate|ExecuteDelete")]
    private static partial Regex DatabaseWrite();
}
