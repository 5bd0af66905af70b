using Microsoft.Playwright;

namespace TrainingNetwork.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the run: Debian's, launched by path. Nothing downloads a browser, and the
/// background-networking flags keep it from calling out of this machine's closed network.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private const string DefaultChromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("TN_CHROMIUM") ?? DefaultChromium;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium was not found at {executable}. Install Debian's 'chromium' package (scripts/test.sh does) or set TN_CHROMIUM.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Timeout = 60_000,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task<IPage> NewPageAsync(Uri baseAddress, int width = 1280, int height = 800)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<Browser>
{
    public const string Name = "Browser";
}
