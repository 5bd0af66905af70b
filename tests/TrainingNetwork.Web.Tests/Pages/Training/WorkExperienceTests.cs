using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Domain.Trainees;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages.Training;

public sealed class WorkExperienceTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    // Trainee 14 has an accepted placement at Gateway, whose license is 24-31001-01.
    private const string PlacedPhysician = DemoAccounts.Trainee;
    private const string GatewayLicense = "24-31001-01";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Work_experience_under_a_network_preceptor_is_saved_with_their_center_license()
    {
        var client = await portal.SignedInAsync(PlacedPhysician);
        var preceptorId = await portal.UserIdAsync(DemoAccounts.Preceptor);
        var before = await WorkOfAsync(PlacedPhysician);

        var response = await AddAsync(client, new() { ["Input.SupervisorUserId"] = preceptorId, ["Input.Hours"] = "2.5" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var work = Assert.Single((await WorkOfAsync(PlacedPhysician)).ExceptBy(before.Select(w => w.Id), w => w.Id));
        Assert.Equal(WorkElement.CalculateMeasurePrepareDosages, work.Element);
        Assert.Equal(preceptorId, work.SupervisorUserId);
        Assert.Equal(GatewayLicense, work.License);
        Assert.Equal(2.5m, work.Hours);
        var list = await client.GetDocumentAsync("/Training");
        var item = list.QuerySelector($"li[data-work='{work.Id}']")!;
        Assert.Contains("Calculating, measuring, and safely preparing patient or human research subject dosages", item.TextContent);
        Assert.Contains("supervised by Dr. Alice Lee", item.TextContent);
    }

    [Fact]
    public async Task A_supervisor_who_is_not_a_preceptor_is_refused_and_nothing_is_saved()
    {
        var client = await portal.SignedInAsync(PlacedPhysician);
        var coordinatorId = await portal.UserIdAsync(DemoAccounts.Coordinator);
        var before = await WorkOfAsync(PlacedPhysician);

        var response = await AddAsync(client, new() { ["Input.SupervisorUserId"] = coordinatorId, ["Input.License"] = GatewayLicense });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("Choose a preceptor from the list.", page.QuerySelector("[data-valmsg-for='Input.SupervisorUserId']")!.TextContent.Trim());
        Assert.Equal(before.Count, (await WorkOfAsync(PlacedPhysician)).Count);
    }

    [Fact]
    public async Task Hours_with_a_comma_are_refused_and_nothing_is_saved()
    {
        var client = await portal.SignedInAsync(PlacedPhysician);
        var before = await WorkOfAsync(PlacedPhysician);

        var response = await AddAsync(client, new() { ["Input.SupervisorUserId"] = await portal.UserIdAsync(DemoAccounts.Preceptor), ["Input.Hours"] = "3,7" });

        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("Use a decimal point, not a comma (for example 7.5).", page.QuerySelector("[data-valmsg-for='Input.Hours']")!.TextContent.Trim());
        Assert.Equal(before.Count, (await WorkOfAsync(PlacedPhysician)).Count);
    }

    [Fact]
    public async Task Preceptors_at_the_physicians_placement_center_are_listed_first()
    {
        var client = await portal.SignedInAsync(PlacedPhysician);

        var form = await client.GetDocumentAsync("/Training/AddWorkExperience");

        var groups = form.QuerySelectorAll("#Input_SupervisorUserId optgroup");
        Assert.Equal(["At your placement center", "Other network preceptors"], groups.Select(g => g.GetAttribute("label")));
        var first = groups[0].QuerySelectorAll("option");
        Assert.Equal(2, first.Length);
        Assert.All(first, option => Assert.Contains("Gateway Theranostics Center", option.TextContent));
        Assert.All(first, option => Assert.Equal(GatewayLicense, option.GetAttribute("data-license")));
        Assert.Equal(14, groups[1].QuerySelectorAll("option").Length);
    }

    [Fact]
    public async Task A_physician_removes_their_own_work_experience()
    {
        var workId = await AddWorkForAsync(PlacedPhysician);
        var client = await portal.SignedInAsync(PlacedPhysician);
        var before = await WorkOfAsync(PlacedPhysician);
        var list = await client.GetDocumentAsync("/Training");

        var response = await client.SubmitAsync(list, $"form[action='/Training/DeleteWorkExperience/{workId}']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await WorkOfAsync(PlacedPhysician);
        Assert.Equal(before.Count - 1, after.Count);
        Assert.DoesNotContain(after, w => w.Id == workId);
    }

    [Fact]
    public async Task Another_physicians_work_experience_cannot_be_removed()
    {
        var others = await AddWorkForAsync(TrainingTestData.NewPhysician);
        var client = await portal.SignedInAsync(PlacedPhysician);
        var form = await client.GetDocumentAsync("/Training/AddWorkExperience");

        var response = await client.PostWithTokenAsync(form, $"/Training/DeleteWorkExperience/{others}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(await WorkOfAsync(TrainingTestData.NewPhysician), w => w.Id == others);
    }

    private static async Task<HttpResponseMessage> AddAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var form = await client.GetDocumentAsync("/Training/AddWorkExperience");
        fields.TryAdd("Input.Element", nameof(WorkElement.CalculateMeasurePrepareDosages));
        fields.TryAdd("Input.CompletedOn", TrainingTestData.Today.AddDays(-20).ToString("yyyy-MM-dd"));
        return await client.SubmitAsync(form, "#work-form", fields);
    }

    private async Task<Guid> AddWorkForAsync(string email)
    {
        var traineeId = await portal.TraineeIdAsync(email);
        var preceptorId = await portal.UserIdAsync(DemoAccounts.Preceptor);
        return await portal.QueryAsync(async db =>
        {
            var work = new WorkExperience(Guid.NewGuid(), traineeId, WorkElement.SpillContainmentDecontamination, TrainingTestData.Today.AddDays(-5), null, preceptorId, GatewayLicense);
            db.WorkExperience.Add(work);
            await db.SaveChangesAsync();
            return work.Id;
        });
    }

    private async Task<List<WorkExperience>> WorkOfAsync(string email)
    {
        var traineeId = await portal.TraineeIdAsync(email);
        return await portal.QueryAsync(db => db.WorkExperience.AsNoTracking().Where(w => w.TraineeId == traineeId).ToListAsync());
    }
}
