using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using TrainingNetwork.Web.Security;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Cases;

namespace TrainingNetwork.Web.Tests.Security;

/// <summary>
/// Rows 12 and 13 of the bad-input table, and the character rules of rows 6, 9, 10 and 29 field by field, with every
/// request running in a culture that writes numbers the German way (3,7 for 3.7; 1.000 for 1000).
/// </summary>
public sealed class BadInputNumberTests(GermanNumbersPortalFactory portal) : IClassFixture<GermanNumbersPortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("3,7", StrictNumberBinderProvider.UseDecimalPoint)] // bound as 3.7 in de-DE and 37 in en-US by the framework
    [InlineData("1,000", StrictNumberBinderProvider.UseDecimalPoint)]
    [InlineData("NaN", StrictNumberBinderProvider.DigitsOnly)]
    [InlineData("Infinity", StrictNumberBinderProvider.DigitsOnly)]
    [InlineData("1e400", StrictNumberBinderProvider.DigitsOnly)]
    [InlineData("-5", StrictNumberBinderProvider.DigitsOnly)]
    [InlineData("+5", StrictNumberBinderProvider.DigitsOnly)]
    [InlineData("٣٫٧", StrictNumberBinderProvider.DigitsOnly)] // Arabic-Indic digits and decimal separator
    [InlineData("７.４", StrictNumberBinderProvider.DigitsOnly)] // full-width digits
    [InlineData("7.4 GBq", StrictNumberBinderProvider.DigitsOnly)]
    [InlineData(".5", StrictNumberBinderProvider.DigitsOnly)]
    [InlineData("99999999999999999999999999999999", StrictNumberBinderProvider.TooLarge)]
    public async Task Row12_and_row13_number_that_is_not_plain_digits_is_a_field_error(string typed, string message)
    {
        var (model, state) = await BindAsync(new() { ["Input.Hours"] = typed });

        Assert.Null(model.Hours);
        Assert.Equal([message], state["Input.Hours"]!.Errors.Select(e => e.ErrorMessage));
    }

    [Theory]
    [InlineData("3.7", 3.7)]
    [InlineData(" 7.4 ", 7.4)]
    [InlineData("1.000", 1.0)] // a point is always the decimal point, whatever the culture
    [InlineData("0", 0.0)] // ranges belong to the field; zero is a number
    public async Task Row12_plain_decimal_binds_to_its_value_in_any_culture(string typed, double expected)
    {
        var (model, state) = await BindAsync(new() { ["Input.Hours"] = typed, ["Input.Ratio"] = typed });

        Assert.Equal(0, state.ErrorCount);
        Assert.Equal((decimal)expected, model.Hours);
        Assert.Equal(expected, model.Ratio);
    }

    [Fact]
    public async Task Row13_empty_number_is_null_when_optional_and_an_error_when_required()
    {
        var (model, state) = await BindAsync(new() { ["Input.Hours"] = "", ["Input.Ratio"] = "" });

        Assert.Null(model.Hours);
        Assert.Empty(state["Input.Hours"]!.Errors);
        Assert.Single(state["Input.Ratio"]!.Errors);
    }

    [Theory]
    [InlineData("Name", "Dr. Alice Smith")]
    [InlineData("Name", "Müller, 山田 👍")]
    [InlineData("Note", "line one\r\nline two\ttabbed")]
    [InlineData("Password", "family 👨\u200D👩\u200D👧 passphrase")]
    public async Task Text_each_field_kind_allows_is_bound_without_error(string field, string value)
    {
        var (_, state) = await BindAsync(new() { [$"Input.{field}"] = value });

        Assert.Equal(0, state.ErrorCount);
        Assert.Equal(value, state[$"Input.{field}"]!.AttemptedValue);
    }

    [Theory]
    [InlineData("Name", "abc\0def")] // row 6
    [InlineData("Note", "abc\0def")]
    [InlineData("Password", "abc\0def")]
    [InlineData("Name", "bob\r\n2026-01-01 INFO login ok user=admin")] // row 29
    [InlineData("Name", "tab\there")]
    [InlineData("Note", "bell\u0007")]
    [InlineData("Name", "bad \uFFFD bytes")] // row 9: what invalid UTF-8 decodes to
    [InlineData("Note", "Dr. Alice\u202Eecila")] // row 10
    [InlineData("Name", "zero\u200Bwidth")]
    [InlineData("Note", "tag \U000E0041 character")]
    public async Task Text_with_a_character_the_field_refuses_is_a_field_error_with_the_value_kept(string field, string value)
    {
        var (_, state) = await BindAsync(new() { [$"Input.{field}"] = value });

        var entry = state[$"Input.{field}"]!;
        Assert.Equal(
            [$"{field} contains characters that are not allowed. Remove invalid or invisible characters."],
            entry.Errors.Select(e => e.ErrorMessage));
        Assert.Equal(value, entry.AttemptedValue);
    }

    [Theory]
    [InlineData("3,7", "Use a decimal point, not a comma")]
    [InlineData("NaN", "digits and a decimal point only")]
    public async Task Row12_and_row13_case_activity_is_refused_in_a_comma_culture_and_nothing_is_saved(string amount, string message)
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);
        var before = (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count;

        var response = await client.LogCaseAsync(new Dictionary<string, string> { ["Input.ActivityAmount"] = amount, ["Input.ActivityUnit"] = "GBq" });

        Assert.Contains(message, (await HtmlForms.ParseAsync(response)).FieldError("Input.ActivityAmount"));
        Assert.Equal(before, (await portal.CasesOfAsync(CaseLog.GatewayTrainee)).Count);
    }

    [Fact]
    public async Task Row12_case_activity_with_a_point_is_stored_exactly_in_a_comma_culture()
    {
        var client = await portal.SignedInAsync(CaseLog.GatewayTrainee);

        var response = await client.LogCaseAsync(new Dictionary<string, string> { ["Input.ActivityAmount"] = "3.7", ["Input.ActivityUnit"] = "GBq" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(3700m, (await portal.CasesOfAsync(CaseLog.GatewayTrainee))[^1].ActivityMbq);
    }

    /// <summary>Binds <see cref="SampleInput"/> from a form the way a page would, with the app's own model binders.</summary>
    private async Task<(SampleInput Model, ModelStateDictionary State)> BindAsync(Dictionary<string, string> form)
    {
        var services = portal.Services;
        var metadata = services.GetRequiredService<IModelMetadataProvider>().GetMetadataForType(typeof(SampleInput));
        var binder = services.GetRequiredService<IModelBinderFactory>().CreateBinder(new ModelBinderFactoryContext { Metadata = metadata });
        var action = new ActionContext(new DefaultHttpContext { RequestServices = services }, new RouteData(), new ActionDescriptor());
        var values = new FormValueProvider(
            BindingSource.Form, new FormCollection(form.ToDictionary(f => f.Key, f => new StringValues(f.Value))), GermanNumbersPortalFactory.Culture);
        var context = DefaultModelBindingContext.CreateBindingContext(action, values, metadata, bindingInfo: null, modelName: "Input");

        await binder.BindModelAsync(context);

        return ((SampleInput)context.Result.Model!, action.ModelState);
    }

    public sealed class SampleInput
    {
        public string? Name { get; set; }

        [DataType(DataType.MultilineText)]
        public string? Note { get; set; }

        [DataType(DataType.Password)]
        public string? Password { get; set; }

        public decimal? Hours { get; set; }

        public double Ratio { get; set; }
    }
}

/// <summary>The portal with every request in a culture that writes 3,7 for 3.7 and 1.000 for 1000, like de-DE.</summary>
public sealed class GermanNumbersPortalFactory : PortalFactory
{
    /// <summary>
    /// Built by hand because InvariantGlobalization (Directory.Build.props) carries no de-DE data; what model binding
    /// reads of a culture is its number format, which this sets as de-DE has it.
    /// </summary>
    public static readonly CultureInfo Culture = GermanNumbers();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, CultureFilter>());
    }

    private static CultureInfo GermanNumbers()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        return CultureInfo.ReadOnly(culture);
    }

    private sealed class CultureFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                CultureInfo.CurrentCulture = Culture;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
