using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Pages.Coordination;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Coordination;
using TrainingNetwork.Web.Tests.Pages.Reviews;

namespace TrainingNetwork.Web.Tests.Pages.Network;

/// <summary>
/// The staff dashboard and its CSV exports. Every expected figure is counted here with SQL of its own on the seeded
/// demo network (never the page's query), so the tests hold whatever physicians the demo network gains.
/// </summary>
public sealed class DashboardTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string PlacedStatuses = "('Accepted', 'Completed')";
    private const int ChartRows = 12;

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static DateOnly ThisMonth => new(Today.Year, Today.Month, 1);

    [Fact]
    public async Task Stage_counts_equal_the_readiness_summaries_with_unevaluated_physicians_apart()
    {
        // One physician the engine has not evaluated yet.
        await ExecuteAsync("DELETE FROM readiness_summaries WHERE trainee_id = (SELECT id FROM trainees ORDER BY id LIMIT 1)");
        var expected = await CountsAsync(
            "SELECT coalesce(s.stage, 'none'), count(*) FROM trainees t LEFT JOIN readiness_summaries s ON s.trainee_id = t.id GROUP BY 1");

        var page = await DashboardAsync();

        var shown = Chart(page, "stages");
        Assert.Equal(["none", .. Enum.GetNames<TraineeStage>()], shown.Keys);
        Assert.All(shown, row => Assert.Equal(expected.GetValueOrDefault(row.Key), row.Value));
        Assert.Equal(1, shown["none"]);
        Assert.Equal(await ScalarAsync("SELECT count(*) FROM trainees"), Figure(page, "physicians"));
    }

    [Fact]
    public async Task State_and_center_counts_equal_direct_counts()
    {
        var states = await CountsAsync("SELECT practice_state, count(*) FROM trainees GROUP BY 1");
        var centers = await CountsAsync(
            $"SELECT center_id::text, count(DISTINCT trainee_id) FROM placements WHERE status IN {PlacedStatuses} GROUP BY 1");

        var page = await DashboardAsync();

        AssertShowsTheLargest(states, Chart(page, "states"));
        AssertShowsTheLargest(centers, Chart(page, "centers"));
    }

    [Fact]
    public async Task Waitlist_counts_equal_waitlisted_placements_per_center()
    {
        await ExecuteAsync("UPDATE placements SET status = 'Waitlisted' WHERE status = 'Requested'");
        var expected = await CountsAsync("SELECT center_id::text, count(*) FROM placements WHERE status = 'Waitlisted' GROUP BY 1");

        var page = await DashboardAsync();

        Assert.NotEmpty(expected);
        AssertShowsTheLargest(expected, Chart(page, "waitlists"));
        Assert.Equal(expected.Values.Sum(), Figure(page, "waitlisted"));
    }

    [Fact]
    public async Task Utilization_counts_last_months_cases_against_capacity_per_center_and_category()
    {
        var (from, before) = (ThisMonth.AddMonths(-1), ThisMonth);
        // Move some demo cases into the last full month, spread over its days.
        await ExecuteAsync(
            "UPDATE cases SET administered_on = @from + (abs(hashtext(id::text)) % 28) WHERE abs(hashtext(id::text)) % 2 = 0",
            new NpgsqlParameter("from", from));
        var cases = await RowsAsync(
            "SELECT center_id::text, radiopharmaceutical, count(*) FROM cases WHERE administered_on >= @from AND administered_on < @before GROUP BY 1, 2",
            new NpgsqlParameter("from", from), new NpgsqlParameter("before", before));
        var capacity = await RowsAsync("SELECT center_id::text, agent, monthly_case_capacity FROM center_therapies");
        var expectedCases = Sum(cases);
        var expectedCapacity = Sum(capacity);

        var page = await DashboardAsync();

        var rows = page.QuerySelectorAll("table[data-chart^='utilization-'] tbody tr").ToDictionary(
            row => row.GetAttribute("data-key")!,
            row => (Cases: Number(row, "data-value"), Capacity: Number(row, "data-target")));
        Assert.True(expectedCases.Values.Sum() > 0, "The test moved no case into the last full month.");
        Assert.Equal(expectedCapacity.Keys.Union(expectedCases.Keys).Order(), rows.Keys.Order());
        Assert.All(rows, row => Assert.Equal(
            (expectedCases.GetValueOrDefault(row.Key), expectedCapacity.GetValueOrDefault(row.Key)), row.Value));
        Assert.Contains(from.ToString("MMMM yyyy", CultureInfo.InvariantCulture), page.QuerySelector("#utilization-heading")!.TextContent, StringComparison.Ordinal);

        // Per center and the engine's category of each agent.
        static Dictionary<string, int> Sum(List<object[]> rows) => rows
            .GroupBy(r => $"{r[0]}:{TherapyCategories.Of((string)r[1])!.Label}")
            .ToDictionary(g => g.Key, g => g.Sum(r => Convert.ToInt32(r[2], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Cases_per_agent_and_month_equal_direct_counts_of_logged_and_approved()
    {
        var first = ThisMonth.AddMonths(-11);
        var expected = (await RowsAsync(
                """
                SELECT radiopharmaceutical, to_char(administered_on, 'YYYY-MM'), count(*), count(*) FILTER (WHERE status = 'Approved')
                FROM cases WHERE administered_on >= @first GROUP BY 1, 2
                """, new NpgsqlParameter("first", first)))
            .ToDictionary(r => $"{r[0]}|{r[1]}", r => (Logged: Convert.ToInt32(r[2], CultureInfo.InvariantCulture), Approved: Convert.ToInt32(r[3], CultureInfo.InvariantCulture)));

        var page = await DashboardAsync();

        var cells = page.QuerySelectorAll("table[data-table='agent-months'] td")
            .Select(td => (Key: $"{td.GetAttribute("data-agent")}|{td.GetAttribute("data-month")}", Logged: Number(td, "data-logged"), Approved: Number(td, "data-approved")))
            .Where(cell => cell.Logged > 0)
            .ToDictionary(cell => cell.Key, cell => (cell.Logged, cell.Approved));
        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(e => e.Key), cells.OrderBy(c => c.Key));
        var months = page.QuerySelectorAll("table[data-chart='months'] tbody tr").ToDictionary(
            row => row.GetAttribute("data-key")!, row => (Logged: Number(row, "data-target"), Approved: Number(row, "data-value")));
        Assert.Equal(12, months.Count);
        Assert.All(months, month => Assert.Equal(
            (expected.Where(e => e.Key.EndsWith(month.Key, StringComparison.Ordinal)).Sum(e => e.Value.Logged),
             expected.Where(e => e.Key.EndsWith(month.Key, StringComparison.Ordinal)).Sum(e => e.Value.Approved)),
            month.Value));
    }

    [Fact]
    public async Task Median_days_to_readiness_is_taken_over_ready_physicians_with_a_known_registration_date()
    {
        int[] days = [30, 50, 70, 100];
        for (var i = 0; i < days.Length; i++)
        {
            var registered = new DateTimeOffset(2026, 1, 5 + i, 9, 30, 0, TimeSpan.Zero);
            var id = await RegisterPhysicianAsync($"timed{i}@example.org", registered);
            await MarkReadyAsync(id, DateOnly.FromDateTime(registered.UtcDateTime).AddDays(days[i]));
        }

        // A demo physician's id carries no registration date: ready, but outside the median.
        await MarkReadyAsync(await Training.TrainingTestData.TraineeIdAsync(portal, "trainee01@trainingnetwork.test"), Today.AddDays(-3));

        var page = await DashboardAsync();

        Assert.Equal(await ScalarAsync("SELECT count(*) FROM readiness_summaries WHERE ready"), Figure(page, "ready"));
        Assert.Equal("60", page.QuerySelector("[data-figure='median-days']")!.TextContent.Trim());
        Assert.StartsWith("4 physicians", page.QuerySelector("[data-figure='timed']")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Median_is_a_dash_when_no_ready_physician_has_a_registration_date()
    {
        var page = await DashboardAsync();

        Assert.Equal("–", page.QuerySelector("[data-figure='median-days']")!.TextContent.Trim());
    }

    [Fact]
    public async Task State_filter_narrows_physician_figures_to_that_practice_state_and_center_figures_to_its_centers()
    {
        var expected = await CountsAsync(
            "SELECT coalesce(s.stage, 'none'), count(*) FROM trainees t LEFT JOIN readiness_summaries s ON s.trainee_id = t.id WHERE t.practice_state = 'MO' GROUP BY 1");
        var placed = await CountsAsync($"""
            SELECT p.center_id::text, count(DISTINCT p.trainee_id) FROM placements p JOIN trainees t ON t.id = p.trainee_id
            WHERE t.practice_state = 'MO' AND p.status IN {PlacedStatuses} GROUP BY 1
            """);
        var everyone = await ScalarAsync("SELECT count(*) FROM trainees");

        var page = await DashboardAsync("?state=MO");

        Assert.All(Chart(page, "stages"), row => Assert.Equal(expected.GetValueOrDefault(row.Key), row.Value));
        Assert.Equal(expected.Values.Sum(), Figure(page, "physicians"));
        Assert.True(Figure(page, "physicians") < everyone);
        Assert.Equal(["MO"], Chart(page, "states").Keys);
        Assert.NotEmpty(placed);
        AssertShowsTheLargest(placed, Chart(page, "centers"));
        var gateway = (await portal.CenterIdAsync("Gateway Theranostics Center")).ToString();
        Assert.All(page.QuerySelectorAll("table[data-chart^='utilization-'] tbody tr"), row => Assert.StartsWith(gateway, row.GetAttribute("data-key"), StringComparison.Ordinal));
        Assert.Equal("MO", page.QuerySelector("#filter-state option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Center_filter_narrows_to_physicians_placed_there_and_that_centers_figures()
    {
        var greatLakes = await portal.CenterIdAsync("Great Lakes Theranostics");
        var placed = await ScalarAsync(
            $"SELECT count(DISTINCT trainee_id) FROM placements WHERE center_id = @center AND status IN {PlacedStatuses}", new NpgsqlParameter("center", greatLakes));
        var waitlisted = await ScalarAsync(
            "SELECT count(*) FROM placements WHERE center_id = @center AND status = 'Waitlisted'", new NpgsqlParameter("center", greatLakes));

        var page = await DashboardAsync($"?center={greatLakes}");

        Assert.Equal(placed, Figure(page, "physicians"));
        Assert.Equal(new Dictionary<string, int> { [greatLakes.ToString()] = placed }, Chart(page, "centers"));
        Assert.Equal(waitlisted, Figure(page, "waitlisted"));
        Assert.All(Chart(page, "waitlists").Keys, key => Assert.Equal(greatLakes.ToString(), key));
    }

    [Fact]
    public async Task Category_filter_narrows_case_and_capacity_figures_to_that_categorys_agents()
    {
        // The demo centers offer and log only (G)(3) parenteral agents.
        var page = await DashboardAsync($"?category={Uri.EscapeDataString("(G)(1) oral or (G)(2) oral")}");

        Assert.Null(page.QuerySelector("table[data-table='agent-months']"));
        Assert.Empty(page.QuerySelectorAll("table[data-chart^='utilization-']"));
        Assert.All(Chart(page, "months").Values, approved => Assert.Equal(0, approved));
        Assert.Equal(await ScalarAsync("SELECT count(*) FROM trainees"), Figure(page, "physicians"));
    }

    [Fact]
    public async Task Unknown_filter_values_are_ignored_with_a_message_each()
    {
        var page = await DashboardAsync("?state=ZZ&center=not-a-center&category=G9");

        var messages = page.QuerySelectorAll("main .alert-warning").Select(a => a.TextContent).ToList();
        Assert.Equal(3, messages.Count);
        Assert.Contains(messages, m => m.Contains("not a US state code", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("center asked for is not in the network", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("category asked for", StringComparison.Ordinal));
        Assert.Equal(await ScalarAsync("SELECT count(*) FROM trainees"), Figure(page, "physicians"));
    }

    [Fact]
    public async Task Charts_are_images_with_a_name_each_followed_by_its_data_table()
    {
        var page = await DashboardAsync();

        var charts = page.QuerySelectorAll("svg[role='img']");
        Assert.NotEmpty(charts);
        Assert.All(charts, chart =>
        {
            var title = page.GetElementById(chart.GetAttribute("aria-labelledby")!);
            Assert.False(string.IsNullOrWhiteSpace(title?.TextContent));
            Assert.Null(chart.QuerySelector("[style]"));
            var table = chart.NextElementSibling?.QuerySelector("table");
            Assert.Equal(title!.TextContent, table?.QuerySelector("caption")?.TextContent);
            Assert.All(table!.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
            Assert.All(table.QuerySelectorAll("tbody th"), th => Assert.Equal("row", th.GetAttribute("scope")));
        });
    }

    [Fact]
    public async Task Readiness_export_has_one_row_per_physician_escapes_formulas_and_is_audited()
    {
        await ExecuteAsync("""UPDATE "AspNetUsers" SET full_name = '=HYPERLINK("http://example.org")' WHERE email = 'trainee01@trainingnetwork.test'""");
        var physicians = await ScalarAsync("SELECT count(*) FROM trainees");

        var response = await ExportAsync("Readiness");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = await LinesAsync(response);
        Assert.Equal("Physician,Practice state,Centers,Stage,Ready,Ready since,Category statuses,Evaluated on", lines[0]);
        Assert.Equal(physicians, lines.Count - 1);
        Assert.Contains(lines, line => line.StartsWith("\"'=HYPERLINK(\"\"http://example.org\"\")\",", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith('='));
        var audit = await RowsAsync("SELECT actor_user_id, subject_type, summary FROM audit_entries WHERE action = 'DataExported' AND subject_id = 'readiness'");
        var entry = Assert.Single(audit);
        Assert.Equal(await portal.UserIdAsync(DemoAccounts.Staff), entry[0]);
        Assert.Equal("export", entry[1]);
        Assert.Contains($"{physicians} rows", (string)entry[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_export_follows_the_filters()
    {
        var inMissouri = await ScalarAsync("SELECT count(*) FROM trainees WHERE practice_state = 'MO'");

        var lines = await LinesAsync(await ExportAsync("Readiness", "?state=MO"));

        Assert.Equal(inMissouri, lines.Count - 1);
        Assert.All(lines.Skip(1), line => Assert.Contains(",MO,", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Centers_export_suppresses_trainee_and_waitlist_counts_from_one_to_four()
    {
        var expected = await RowsAsync(
            """
            SELECT ce.name,
                   (SELECT count(*) FROM placements p WHERE p.center_id = ce.id AND p.status = 'Accepted'),
                   (SELECT count(*) FROM placements p WHERE p.center_id = ce.id AND p.status = 'Waitlisted')
            FROM centers ce
            """);

        var response = await ExportAsync("Centers");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = await LinesAsync(response);
        Assert.Equal("Center,State,Regulator,License,Therapies (cases a month),Trainee slots,Current trainees,Waitlisted", lines[0]);
        Assert.Equal(expected.Count, lines.Count - 1);
        Assert.Contains(expected, row => Convert.ToInt32(row[1], CultureInfo.InvariantCulture) is >= 1 and <= 4);
        Assert.All(expected, row => Assert.Single(lines, line =>
            line.StartsWith((string)row[0] + ",", StringComparison.Ordinal) && line.EndsWith($",{Suppressed(row[1])},{Suppressed(row[2])}", StringComparison.Ordinal)));
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM audit_entries WHERE action = 'DataExported' AND subject_id = 'centers'"));
    }

    [Fact]
    public async Task Case_aggregates_export_counts_each_center_agent_and_month_with_small_cells_suppressed()
    {
        var expected = (await RowsAsync(
                """
                SELECT ce.name, ce.state, c.radiopharmaceutical, to_char(c.administered_on, 'YYYY-MM'), count(*), count(*) FILTER (WHERE c.status = 'Approved')
                FROM cases c JOIN centers ce ON ce.id = c.center_id
                GROUP BY 1, 2, 3, 4
                """))
            .Select(r => $"{r[0]},{r[1]},{r[2]},{TherapyCategories.Of((string)r[2])!.Label},{r[3]},{Suppressed(r[4])},{Suppressed(r[5])}")
            .Order(StringComparer.Ordinal);

        var lines = await LinesAsync(await ExportAsync("CaseAggregates"));

        Assert.Equal("Center,Center state,Radiopharmaceutical,Category,Month,Cases logged,Cases approved", lines[0]);
        Assert.Equal(expected, lines.Skip(1).Order(StringComparer.Ordinal));
        Assert.Contains(lines, line => line.Contains(",<5", StringComparison.Ordinal));
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM audit_entries WHERE action = 'DataExported' AND subject_id = 'case-aggregates'"));
    }

    [Theory]
    [InlineData(DemoAccounts.Trainee)]
    [InlineData(DemoAccounts.Preceptor)]
    [InlineData(DemoAccounts.Coordinator)]
    public async Task Other_roles_are_refused_the_dashboard_and_the_exports(string email)
    {
        var client = await portal.SignedInAsync(email);

        var dashboard = await client.GetAsync("/Network");
        var exports = await client.GetAsync("/Network/Exports");
        var export = await client.PostAsync("/Network/Exports?handler=Readiness", new FormUrlEncodedContent([]));

        Assert.All([dashboard, exports, export], response =>
            Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal));
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM audit_entries WHERE action = 'DataExported'"));
    }

    [Theory]
    [InlineData("/Network")]
    [InlineData("/Network/Exports")]
    public async Task Anonymous_visitor_is_sent_to_sign_in(string path)
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private async Task<IDocument> DashboardAsync(string query = "") =>
        await (await portal.SignedInAsync(DemoAccounts.Staff)).GetDocumentAsync("/Network" + query);

    private async Task<HttpResponseMessage> ExportAsync(string handler, string query = "")
    {
        var client = await portal.SignedInAsync(DemoAccounts.Staff);
        var page = await client.GetDocumentAsync("/Network/Exports" + query);
        var response = await client.SubmitAsync(page, $"form[action*='handler={handler}']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static async Task<List<string>> LinesAsync(HttpResponseMessage response) =>
        [.. (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];

    private static string Suppressed(object count) =>
        Convert.ToInt32(count, CultureInfo.InvariantCulture) is >= 1 and <= 4 ? "<5" : Convert.ToString(count, CultureInfo.InvariantCulture)!;

    /// <summary>A chart's data table as key → value, in the order shown.</summary>
    private static Dictionary<string, int> Chart(IDocument page, string id) =>
        page.QuerySelectorAll($"table[data-chart='{id}'] tbody tr").ToDictionary(row => row.GetAttribute("data-key")!, row => Number(row, "data-value"));

    /// <summary>The chart shows as many rows as fit, the largest ones, each with its expected count.</summary>
    private static void AssertShowsTheLargest(Dictionary<string, int> expected, Dictionary<string, int> shown)
    {
        Assert.Equal(Math.Min(ChartRows, expected.Count), shown.Count);
        Assert.All(shown, row => Assert.Equal(expected[row.Key], row.Value));
        Assert.All(expected.Where(e => !shown.ContainsKey(e.Key)), hidden => Assert.True(hidden.Value <= shown.Values.Min()));
    }

    private static int Figure(IDocument page, string name) =>
        int.Parse(page.QuerySelector($"[data-figure='{name}']")!.TextContent.Trim(), CultureInfo.InvariantCulture);

    private static int Number(IElement element, string attribute)
    {
        var cell = element.HasAttribute(attribute) ? element : element.QuerySelector($"[{attribute}]")!;
        return int.Parse(cell.GetAttribute(attribute)!, CultureInfo.InvariantCulture);
    }

    /// <summary>A physician registered at <paramref name="at"/>: the id is a version-7 UUID of that time, as registration makes it.</summary>
    private async Task<Guid> RegisterPhysicianAsync(string email, DateTimeOffset at)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = new ApplicationUser { UserName = email, Email = email, FullName = email };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        var id = Guid.CreateVersion7(at);
        db.Trainees.Add(new TraineeProfile(id, user.Id, "Nuclear medicine", "MO", Pathway.Section396));
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>Stands in for the engine finding the physician ready on <paramref name="since"/>.</summary>
    private Task MarkReadyAsync(Guid traineeId, DateOnly since) =>
        ExecuteAsync("UPDATE readiness_summaries SET ready = true, ready_since = @since WHERE trainee_id = @id",
            new NpgsqlParameter("since", since), new NpgsqlParameter("id", traineeId));

    private async Task<Dictionary<string, int>> CountsAsync(string sql) =>
        (await RowsAsync(sql)).ToDictionary(r => ((string)r[0]).Trim(), r => Convert.ToInt32(r[1], CultureInfo.InvariantCulture));

    private async Task<int> ScalarAsync(string sql, params NpgsqlParameter[] parameters) =>
        Convert.ToInt32((await RowsAsync(sql, parameters)).Single()[0], CultureInfo.InvariantCulture);

    private async Task ExecuteAsync(string sql, params NpgsqlParameter[] parameters)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        Assert.True(await command.ExecuteNonQueryAsync() > 0, $"Nothing changed: {sql}");
    }

    private async Task<List<object[]>> RowsAsync(string sql, params NpgsqlParameter[] parameters)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}
