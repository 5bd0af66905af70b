using System.Net;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.DependencyInjection;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Pages;

public sealed class MailboxTests(MailPortalFactory portal, ProductionPortalFactory production)
    : IClassFixture<MailPortalFactory>, IClassFixture<ProductionPortalFactory>
{
    [Fact]
    public async Task Anonymous_developer_sees_messages_newest_first()
    {
        var sender = portal.Services.GetRequiredService<IEmailSender>();
        await sender.SendEmailAsync("first@example.org", "First message", "<p>one</p>");
        await sender.SendEmailAsync("second@example.org", "Second message", "<p>two</p>");

        var page = await portal.CreateBrowserLikeClient().GetDocumentAsync("/Dev/Mailbox");

        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        var second = rows.FindIndex(r => r.Contains("second@example.org") && r.Contains("Second message"));
        var first = rows.FindIndex(r => r.Contains("first@example.org") && r.Contains("First message"));
        Assert.True(second >= 0 && first > second, "The newer message should be listed above the older one.");
    }

    [Fact]
    public async Task Message_shows_its_links_as_plain_anchors_and_its_body_only_in_a_sandbox()
    {
        await portal.Services.GetRequiredService<IEmailSender>().SendEmailAsync("links@example.org", "With a link",
            "<p>Go <a href=\"https://portal.example/confirm?userId=1&amp;code=abc\">here</a></p><script>alert(1)</script>");
        var message = Assert.Single(portal.MailTo("links@example.org"));

        var page = await portal.CreateBrowserLikeClient().GetDocumentAsync($"/Dev/Message/{message.Id}");

        Assert.Equal("https://portal.example/confirm?userId=1&code=abc", page.QuerySelector("a.mail-link")!.GetAttribute("href"));
        var frame = page.QuerySelector("iframe")!;
        Assert.Equal("", frame.GetAttribute("sandbox"));
        Assert.Contains("<script>", frame.GetAttribute("srcdoc"));
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("alert(1)"));
    }

    [Fact]
    public async Task Unknown_message_is_not_found()
    {
        var response = await portal.CreateBrowserLikeClient().GetAsync($"/Dev/Message/{Guid.CreateVersion7()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/Dev/Mailbox")]
    [InlineData("/Dev/Message/0198a1d2-0000-7000-8000-000000000000")]
    public async Task Mailbox_does_not_exist_outside_development(string path)
    {
        var response = await production.CreateBrowserLikeClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
