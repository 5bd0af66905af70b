using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages.Training;

public sealed class ClassroomEntryTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> TrainingPages => ["/Training", "/Training/AddClassroom", "/Training/AddWorkExperience"];

    public static TheoryData<string, string> BadHours => new()
    {
        { "3,7", "Use a decimal point, not a comma (for example 7.5)." },
        { "1e400", "Enter the hours using digits and a decimal point only (for example 7.5)." },
        { "-5", "Enter the hours using digits and a decimal point only (for example 7.5)." },
        { "0", "Hours must be above 0." },
        { "", "Enter the clock hours." },
        { "7.555", "Use at most 2 decimal places." },
        { "1000.5", "Enter at most 1000 hours." },
    };

    [Fact]
    public async Task Classroom_hours_are_saved_with_the_exact_decimal_and_listed_with_the_total()
    {
        var client = await portal.SignedInAsync(TrainingTestData.NewPhysician);

        var response = await AddAsync(client, new() { ["Input.Hours"] = "7.5" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Training", response.Headers.Location!.OriginalString);
        var saved = await EntriesOfAsync(TrainingTestData.NewPhysician);
        var entry = Assert.Single(saved);
        Assert.Equal(7.5m, entry.Hours);
        Assert.Equal(ClassroomTopic.RadiationProtection, entry.Topic);
        Assert.Equal("Society of Nuclear Medicine RPT course", entry.Provider);
        Assert.Null(entry.CertificateDocumentId);

        var list = await client.GetDocumentAsync("/Training");
        Assert.Equal("7.5", list.QuerySelector("#classroom-total")!.TextContent.Trim());
        Assert.Contains("Radiation protection", list.QuerySelector("tbody[data-topic='RadiationProtection'] th")!.TextContent);
        Assert.Contains("Saved 7.5 clock hours", list.QuerySelector("[role='status']")!.TextContent);
    }

    [Fact]
    public async Task A_certificate_is_stored_with_the_entry_and_linked_from_the_list()
    {
        var client = await portal.SignedInAsync(TrainingTestData.NewPhysician);
        var form = await client.GetDocumentAsync("/Training/AddClassroom");

        var response = await client.SubmitWithFileAsync(form, "#classroom-form", ValidFields(), "Input.Certificate", "certificate.pdf", Pdf);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Assert.Single(await EntriesOfAsync(TrainingTestData.NewPhysician));
        var documentId = Assert.NotNull(entry.CertificateDocumentId);
        var document = await portal.QueryAsync(db => db.Documents.SingleAsync(d => d.Id == documentId));
        Assert.Equal(await portal.UserIdAsync(TrainingTestData.NewPhysician), document.OwnerUserId);
        Assert.Equal("application/pdf", document.ContentType);
        Assert.Equal(Pdf, document.Content);
        var list = await client.GetDocumentAsync("/Training");
        Assert.NotNull(list.QuerySelector($"a[href='/Documents/Show/{documentId}']"));
    }

    [Theory]
    [MemberData(nameof(BadHours))]
    public async Task Hours_that_are_not_a_plain_number_in_range_are_refused_and_nothing_is_saved(string hours, string message)
    {
        var client = await portal.SignedInAsync(TrainingTestData.NewPhysician);

        var page = await RefusedAsync(client, new() { ["Input.Hours"] = hours });

        Assert.Equal(message, page.QuerySelector("[data-valmsg-for='Input.Hours']")!.TextContent.Trim());
        Assert.Equal("Society of Nuclear Medicine RPT course", page.QuerySelector<IHtmlInputElement>("#Input_Provider")!.Value);
        Assert.Empty(await EntriesOfAsync(TrainingTestData.NewPhysician));
    }

    [Fact]
    public async Task A_completion_date_in_the_future_is_refused()
    {
        var client = await portal.SignedInAsync(TrainingTestData.NewPhysician);

        var page = await RefusedAsync(client, new() { ["Input.CompletedOn"] = TrainingTestData.Today.AddDays(2).ToString("yyyy-MM-dd") });

        Assert.Equal("The date cannot be in the future.", page.QuerySelector("[data-valmsg-for='Input.CompletedOn']")!.TextContent.Trim());
        Assert.Empty(await EntriesOfAsync(TrainingTestData.NewPhysician));
    }

    [Fact]
    public async Task Markup_in_the_provider_is_refused()
    {
        var client = await portal.SignedInAsync(TrainingTestData.NewPhysician);

        var page = await RefusedAsync(client, new() { ["Input.Provider"] = "<script>alert(1)</script> course" });

        Assert.Equal("Remove angle-bracket markup such as <script>.", page.QuerySelector("[data-valmsg-for='Input.Provider']")!.TextContent.Trim());
        Assert.Empty(await EntriesOfAsync(TrainingTestData.NewPhysician));
    }

    [Fact]
    public async Task A_text_file_renamed_to_pdf_is_refused_as_a_certificate_and_nothing_is_saved()
    {
        var client = await portal.SignedInAsync(TrainingTestData.NewPhysician);
        var form = await client.GetDocumentAsync("/Training/AddClassroom");

        var response = await client.SubmitWithFileAsync(
            form, "#classroom-form", ValidFields(), "Input.Certificate", "certificate.pdf", Encoding.UTF8.GetBytes("I attended the whole course."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("Upload a PDF, PNG or JPEG file.", page.QuerySelector("[data-valmsg-for='Input.Certificate']")!.TextContent.Trim());
        Assert.Empty(await EntriesOfAsync(TrainingTestData.NewPhysician));
        var userId = await portal.UserIdAsync(TrainingTestData.NewPhysician);
        Assert.False(await portal.QueryAsync(db => db.Documents.AnyAsync(d => d.OwnerUserId == userId)));
    }

    [Fact]
    public async Task A_50_MB_upload_gets_a_clear_answer_and_never_a_server_error()
    {
        var client = await portal.SignedInAsync(TrainingTestData.NewPhysician);
        var form = await client.GetDocumentAsync("/Training/AddClassroom");
        var huge = new byte[50 * 1024 * 1024];
        Pdf.CopyTo(huge, 0);

        var response = await client.SubmitWithFileAsync(form, "#classroom-form", ValidFields(), "Input.Certificate", "certificate.pdf", huge);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Add classroom hours", page.Heading());
        Assert.Equal(
            "The certificate is larger than 10 MB. Choose a smaller PDF, PNG or JPEG file.",
            page.QuerySelector("[data-valmsg-for='Input.Certificate']")!.TextContent.Trim());
        Assert.Empty(await EntriesOfAsync(TrainingTestData.NewPhysician));
    }

    [Fact]
    public async Task Save_and_add_another_returns_an_empty_form_with_the_provider_and_date_kept()
    {
        var client = await portal.SignedInAsync(TrainingTestData.NewPhysician);
        var completedOn = TrainingTestData.Today.AddDays(-10).ToString("yyyy-MM-dd");

        var response = await AddAsync(client, new() { ["next"] = "another" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var next = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Add classroom hours", next.Heading());
        Assert.Equal("Society of Nuclear Medicine RPT course", next.QuerySelector<IHtmlInputElement>("#Input_Provider")!.Value);
        Assert.Equal(completedOn, next.QuerySelector<IHtmlInputElement>("#Input_CompletedOn")!.Value);
        Assert.Equal("", next.QuerySelector<IHtmlInputElement>("#Input_Hours")!.Value);
        Assert.Equal("", next.QuerySelector<IHtmlSelectElement>("#Input_Topic")!.Value);
        Assert.Single(await EntriesOfAsync(TrainingTestData.NewPhysician));
    }

    [Fact]
    public async Task The_list_groups_entries_by_topic_with_a_total()
    {
        var client = await portal.SignedInAsync(TrainingTestData.PhysicianInClass);

        var list = await client.GetDocumentAsync("/Training");

        Assert.Equal(5, list.QuerySelectorAll("tbody[data-topic]").Length);
        Assert.Contains("11 hours", list.QuerySelector("tbody[data-topic='RadiationBiology'] th")!.TextContent);
        Assert.Equal("55", list.QuerySelector("#classroom-total")!.TextContent.Trim());
        Assert.NotNull(list.QuerySelector("a[href='/Progress']"));
    }

    [Fact]
    public async Task A_physician_with_nothing_recorded_sees_empty_states_and_a_link_to_progress()
    {
        var client = await portal.SignedInAsync(TrainingTestData.NewPhysician);

        var list = await client.GetDocumentAsync("/Training");

        Assert.Equal(2, list.QuerySelectorAll(".empty-state").Length);
        Assert.Null(list.QuerySelector("table"));
        Assert.NotNull(list.QuerySelector("a[href='/Progress']"));
    }

    [Fact]
    public async Task A_physician_removes_their_own_classroom_entry()
    {
        var client = await portal.SignedInAsync(TrainingTestData.PhysicianInClass);
        var entryId = (await EntriesOfAsync(TrainingTestData.PhysicianInClass))[0].Id;
        var list = await client.GetDocumentAsync("/Training");

        var response = await client.SubmitAsync(list, $"form[action='/Training/DeleteClassroom/{entryId}']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var remaining = await EntriesOfAsync(TrainingTestData.PhysicianInClass);
        Assert.Equal(4, remaining.Count);
        Assert.DoesNotContain(remaining, e => e.Id == entryId);
    }

    [Fact]
    public async Task Another_physicians_classroom_entry_cannot_be_removed()
    {
        var client = await portal.SignedInAsync(TrainingTestData.NewPhysician);
        var othersEntry = (await EntriesOfAsync(TrainingTestData.PhysicianInClass))[0].Id;
        var form = await client.GetDocumentAsync("/Training/AddClassroom");

        var response = await client.PostWithTokenAsync(form, $"/Training/DeleteClassroom/{othersEntry}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(await EntriesOfAsync(TrainingTestData.PhysicianInClass), e => e.Id == othersEntry);
    }

    [Theory]
    [MemberData(nameof(TrainingPages))]
    public async Task Anonymous_visitor_is_sent_to_sign_in(string path)
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(TrainingPages))]
    public async Task Preceptor_is_refused(string path)
    {
        var client = await portal.SignedInAsync(DemoAccounts.Preceptor);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }

    private static Dictionary<string, string> ValidFields() => new()
    {
        ["Input.Topic"] = nameof(ClassroomTopic.RadiationProtection),
        ["Input.Hours"] = "8",
        ["Input.CompletedOn"] = TrainingTestData.Today.AddDays(-10).ToString("yyyy-MM-dd"),
        ["Input.Provider"] = "Society of Nuclear Medicine RPT course",
    };

    private static async Task<HttpResponseMessage> AddAsync(HttpClient client, Dictionary<string, string> overrides)
    {
        var form = await client.GetDocumentAsync("/Training/AddClassroom");
        var fields = ValidFields();
        foreach (var (name, value) in overrides)
        {
            fields[name] = value;
        }

        return await client.SubmitAsync(form, "#classroom-form", fields);
    }

    private static async Task<IHtmlDocument> RefusedAsync(HttpClient client, Dictionary<string, string> overrides)
    {
        var response = await AddAsync(client, overrides);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HtmlForms.ParseAsync(response);
    }

    private async Task<List<Domain.Trainees.ClassroomEntry>> EntriesOfAsync(string email)
    {
        var traineeId = await portal.TraineeIdAsync(email);
        return await portal.QueryAsync(db => db.ClassroomEntries.AsNoTracking().Where(c => c.TraineeId == traineeId).OrderBy(c => c.CompletedOn).ToListAsync());
    }
}
