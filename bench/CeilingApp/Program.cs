using CeilingApp;
using Microsoft.EntityFrameworkCore;

// The stack's own ceiling for the portal's pages (issue 9): the same Kestrel, Razor Pages, EF Core and Npgsql, with
// one page that reads 20 rows and renders them and nothing else (no auth, sessions, antiforgery or logging). The load
// harness measures it in the same run as the portal, so each page's throughput is also given as a share of what the
// stack itself can serve on this machine.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var connectionString = builder.Configuration.GetConnectionString("Ceiling")
    ?? throw new InvalidOperationException("Set ConnectionStrings:Ceiling (env ConnectionStrings__Ceiling) to the portal's database.");
builder.Services.AddDbContext<CeilingDbContext>(options => options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention());
builder.Services.AddRazorPages();

var app = builder.Build();
app.MapRazorPages();
app.Run();
