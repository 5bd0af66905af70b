var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "TrainingNetwork");
app.Run();

public partial class Program;
