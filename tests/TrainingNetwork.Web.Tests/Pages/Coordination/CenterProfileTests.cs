using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using TrainingNetwork.Domain.Readiness.Records;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Cases;
using static TrainingNetwork.Web.Tests.Pages.Coordination.CoordinationTestData;
using TrainingData = TrainingNetwork.Web.Tests.Pages.Training.TrainingTestData;

namespace TrainingNetwork.Web.Tests.Pages.Coordination;

public sealed class CenterProfileTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Coordinator_saves_the_profile_and_sees_it()
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);
        var url = await portal.PageUrlAsync("Profile", Gateway);

        var response = await SaveAsync(client, url, new Dictionary<string, string>
        {
            ["Input.Name"] = "  Gateway Theranostics Institute ",
            ["Input.Address"] = "4921 Parkview Place",
            ["Input.TraineeSlots"] = "5",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var center = await portal.CenterAsync("Gateway Theranostics Institute");
        Assert.Equal(("4921 Parkview Place", "St. Louis", "MO", Regulator.Nrc, 5), (center.Address, center.City, center.State, center.Regulator, center.TraineeSlots));
        var page = await client.GetDocumentAsync(url);
        Assert.Contains("The center profile was saved.", page.QuerySelector("[role='status']")!.TextContent);
        Assert.Equal("4921 Parkview Place", page.QuerySelector<IHtmlInputElement>("#Input_Address")!.Value);
    }

    [Fact]
    public async Task Agreement_state_center_keeps_its_regulator()
    {
        var client = await portal.SignedInAsync(BluegrassCoordinator);
        var url = await portal.PageUrlAsync("Profile", Bluegrass);

        await SaveAsync(client, url, new Dictionary<string, string> { ["Input.Address"] = "1 Main St", ["Input.State"] = "TN" });

        var center = await portal.CenterAsync(Bluegrass);
        Assert.Equal(("TN", Regulator.AgreementState), (center.State, center.Regulator));
    }

    [Theory]
    [InlineData("Input.Name", "<b>Gateway</b>", "Remove angle-bracket markup")]
    [InlineData("Input.State", "ZZ", "Choose a state from the list.")]
    [InlineData("Input.Regulator", "AGREEMENT_STATE", "MO is not an Agreement State")]
    [InlineData("Input.Regulator", "STATE", "Choose the NRC or an Agreement State.")]
    [InlineData("Input.TraineeSlots", "3,7", "digits only")]
    [InlineData("Input.TraineeSlots", "51", "from 0 to 50")]
    [InlineData("Input.Address", "", "Enter the street address.")]
    [InlineData("Input.Name", "Bluegrass Community Oncology", "Another center in the network already has this name.")]
    public async Task Bad_input_is_refused_with_a_message_and_nothing_is_saved(string field, string value, string message)
    {
        var client = await portal.SignedInAsync(DemoAccounts.Coordinator);
        var url = await portal.PageUrlAsync("Profile", Gateway);

        var response = await SaveAsync(client, url, new Dictionary<string, string> { ["Input.Address"] = "4921 Parkview Place", [field] = value });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await HtmlForms.ParseAsync(response)).FieldError(field));
        var center = await portal.CenterAsync(Gateway);
        Assert.Equal(("", Gateway, 3), (center.Address, center.Name, center.TraineeSlots));
    }

    [Fact]
    public async Task Coordinator_of_another_center_gets_404_and_changes_nothing()
    {
        var gatewayId = await portal.CenterIdAsync(Gateway);
        var client = await portal.SignedInAsync(BluegrassCoordinator);
        var ownPage = await client.GetDocumentAsync(await portal.PageUrlAsync("Profile", Bluegrass));

        var get = await client.GetAsync($"/Coordination/Profile/{gatewayId}");
        var post = await TrainingData.PostWithTokenAsync(client, ownPage, $"/Coordination/Profile/{gatewayId}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Taken over", ["Input.Address"] = "1 Main St", ["Input.City"] = "St. Louis", ["Input.State"] = "MO",
            ["Input.Regulator"] = "NRC", ["Input.Licensee"] = "Someone", ["Input.LicenseNumber"] = "1", ["Input.TraineeSlots"] = "9",
        });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var center = await portal.CenterAsync(Gateway);
        Assert.Equal((Gateway, ""), (center.Name, center.Address));
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string url, IReadOnlyDictionary<string, string> values)
    {
        var form = await client.GetDocumentAsync(url);
        var fields = new Dictionary<string, string>(values);
        // The form's select and checked radio are not inputs the helper copies; post what the page shows unless overridden.
        fields.TryAdd("Input.State", form.QuerySelector<IHtmlSelectElement>("#Input_State")!.Value!);
        fields.TryAdd("Input.Regulator", form.QuerySelector<IHtmlInputElement>("input[name='Input.Regulator'][checked]")!.Value);
        return await client.SubmitAsync(form, "form#center-profile", fields);
    }
}
