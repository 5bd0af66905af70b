using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;

namespace TrainingNetwork.Web.Tests.Security;

public sealed class OneTimeAuthenticatorTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    public void Codes_match_the_rfc_6238_test_vectors(long unixSeconds, string expected) =>
        Assert.Equal(expected, OneTimeAuthenticatorTokenProvider.Code(Encoding.ASCII.GetBytes("12345678901234567890"), unixSeconds / 30));

    [Fact]
    public void Base32_decodes_authenticator_keys() =>
        Assert.Equal(Base32Encoding.ToBytes(DemoAccounts.PreceptorAuthenticatorKey), Base32.Decode(DemoAccounts.PreceptorAuthenticatorKey.ToLowerInvariant()));

    [Fact]
    public async Task A_code_is_accepted_once_then_refused_as_used()
    {
        var code = Totp().ComputeTotp(DateTime.UtcNow);

        Assert.Equal(CodeCheck.Accepted, await CheckAsync(code));
        Assert.Equal(CodeCheck.AlreadyUsed, await CheckAsync(code));
        Assert.False(await IdentityAcceptsAsync(code));
    }

    [Fact]
    public async Task A_code_from_an_older_step_than_the_last_accepted_is_refused()
    {
        Assert.Equal(CodeCheck.Accepted, await CheckAsync(Totp().ComputeTotp(DateTime.UtcNow.AddSeconds(30))));

        Assert.Equal(CodeCheck.AlreadyUsed, await CheckAsync(Totp().ComputeTotp(DateTime.UtcNow)));
    }

    [Fact]
    public async Task Codes_more_than_one_step_away_are_wrong()
    {
        Assert.Equal(CodeCheck.Wrong, await CheckAsync(Totp().ComputeTotp(DateTime.UtcNow.AddSeconds(-90))));
        Assert.Equal(CodeCheck.Wrong, await CheckAsync(Totp().ComputeTotp(DateTime.UtcNow.AddSeconds(90))));
        Assert.Equal(CodeCheck.Wrong, await CheckAsync("12345"));
    }

    [Fact]
    public async Task Of_twenty_simultaneous_uses_of_one_code_exactly_one_is_accepted()
    {
        var code = Totp().ComputeTotp(DateTime.UtcNow);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => CheckAsync(code))));

        Assert.Single(results, r => r == CodeCheck.Accepted);
    }

    private static Totp Totp() => new(Base32Encoding.ToBytes(DemoAccounts.PreceptorAuthenticatorKey));

    private async Task<CodeCheck> CheckAsync(string code)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(DemoAccounts.Preceptor))!;
        return await scope.ServiceProvider.GetRequiredService<OneTimeAuthenticatorTokenProvider>().CheckAsync(code, users, user);
    }

    private async Task<bool> IdentityAcceptsAsync(string code)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.VerifyTwoFactorTokenAsync((await users.FindByEmailAsync(DemoAccounts.Preceptor))!, TokenOptions.DefaultAuthenticatorProvider, code);
    }
}
