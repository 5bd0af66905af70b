using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TrainingNetwork.Web.Api;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;
using TrainingNetwork.Web.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.AddTrainingNetworkLogging();
await builder.AddTrainingNetworkDatabaseAsync();
builder.AddTrainingNetworkDataProtection();
builder.AddTrainingNetworkIdentity();
builder.AddTrainingNetworkSessions();
builder.AddTrainingNetworkEmail();
builder.AddTrainingNetworkHealthChecks();
builder.AddTrainingNetworkCases();
builder.AddTrainingNetworkRateLimits();
builder.AddTrainingNetworkSecurityHeaders();
builder.AddTrainingNetworkRequestLimits();
builder.AddTrainingNetworkReliability();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<DemoNetworkSeeder>();
builder.Services.AddScoped<TraineeRecordLoader>();
builder.Services.AddScoped<Invitations>();
builder.Services.AddScoped<IdempotentForms>();
builder.Services.AddSingleton<AuditAnchors>();
builder.Services.AddHostedService<AuditAnchorSchedule>();
builder.Services.AddSingleton<ReadinessSummarySweep>();
builder.Services.AddHostedService(services => services.GetRequiredService<ReadinessSummarySweep>());
builder.Services.AddScoped<Waitlist>();
builder.Services.AddHostedService<WaitlistSweep>();

var app = builder.Build();
await app.PrepareTrainingNetworkDatabaseAsync();
await app.LoadDataProtectionKeysAsync();
if (args is [FirstAdmin.Command, var adminEmail, var adminName])
{
    var outcome = await FirstAdmin.CreateAsync(app.Services, adminEmail, adminName);
    Console.WriteLine(outcome.Message);
    Environment.ExitCode = outcome.Created ? 0 : 1;
    return;
}

app.UseTrainingNetworkSecurityHeaders(builder.HttpsOnly());
app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/StatusCode", "?code={0}");

app.UseTrainingNetworkRequestLogging();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseTrainingNetworkRequestLimits();
app.UseAuthorization();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();
app.MapTrainingNetworkHealthChecks();
app.MapReadinessApi();
app.MapOpenApi().AllowAnonymous();

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    Console.WriteLine($"TrainingNetwork is ready at {string.Join(", ", addresses)}");
    if (app.Environment.IsDevelopment() && app.Configuration.GetValue<bool>("DemoData:Seed"))
    {
        Console.WriteLine($"Demo sign-ins (password for all: {DemoAccounts.Password}):");
        foreach (var (role, email) in DemoAccounts.OnePerRole)
        {
            Console.WriteLine($"  {role,-20} {email}");
        }
    }
});

await app.RunAsync();

public partial class Program;
