using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;
using TrainingNetwork.Web.Setup;
using TrainingNetwork.Web.Tests.Infrastructure;
using TrainingNetwork.Web.Tests.Pages.Reviews;

namespace TrainingNetwork.Web.Tests.Security;

public sealed class AuthenticatorSecretsTests(MfaPortalFactory portal) : IClassFixture<MfaPortalFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.RestartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task After_enrolment_the_tokens_table_holds_neither_the_key_nor_a_recovery_code_in_clear()
    {
        var preceptor = await portal.SignedInAsync(DemoAccounts.Preceptor);

        var (key, recoveryCodes) = await portal.EnrolAsync(preceptor);

        var stored = string.Join("\n", await TokenValuesAsync(DemoAccounts.Preceptor));
        Assert.DoesNotContain(key, stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(DemoAccounts.PreceptorAuthenticatorKey, stored, StringComparison.OrdinalIgnoreCase);
        Assert.All(recoveryCodes, code => Assert.DoesNotContain(code, stored, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(key, await portal.WithUsersAsync(async users => await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(DemoAccounts.Preceptor))!)));
        Assert.Equal(recoveryCodes.Count, await RecoveryCodesLeftAsync());
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (_, recoveryCodes) = await portal.EnrolAsync(await portal.SignedInAsync(DemoAccounts.Preceptor));

        var first = await SignInWithRecoveryCodeAsync(recoveryCodes[3]);
        var again = await SignInWithRecoveryCodeAsync(recoveryCodes[3]);

        Assert.Equal(HttpStatusCode.Redirect, first.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync("/Reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.Response.StatusCode);
        Assert.Contains("Invalid recovery code", (await HtmlForms.ParseAsync(again.Response)).Body!.TextContent);
        Assert.StartsWith("/Identity/Account/Login", (await again.Client.GetAsync("/Reviews")).Headers.Location?.AbsolutePath);
        Assert.Equal(recoveryCodes.Count - 1, await RecoveryCodesLeftAsync());
    }

    [Fact]
    public async Task Sign_in_after_enrolment_asks_for_a_fresh_authenticator_code()
    {
        var (key, _) = await portal.EnrolAsync(await portal.SignedInAsync(DemoAccounts.Preceptor));
        var client = portal.CreateBrowserLikeClient();

        var password = await client.SignInAsync(DemoAccounts.Preceptor, DemoAccounts.Password);
        var secondStep = await client.GetDocumentAsync(password.Headers.Location!.OriginalString);
        var signedIn = await client.SubmitAsync(secondStep, "main form", new Dictionary<string, string> { ["Input.TwoFactorCode"] = portal.NextCode(key) });

        Assert.StartsWith("/Identity/Account/LoginWith2fa", password.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Reviews")).StatusCode);
    }

    [Fact]
    public async Task The_seeded_demo_key_is_encrypted_and_still_verifies_signing_codes()
    {
        var stored = await TokenValuesAsync(DemoAccounts.Preceptor);

        Assert.DoesNotContain(stored, value => value.Contains(DemoAccounts.PreceptorAuthenticatorKey, StringComparison.OrdinalIgnoreCase));
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var preceptor = (await users.FindByEmailAsync(DemoAccounts.Preceptor))!;
        var code = new Totp(Base32Encoding.ToBytes(DemoAccounts.PreceptorAuthenticatorKey)).ComputeTotp(portal.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(CodeCheck.Accepted, await scope.ServiceProvider.GetRequiredService<OneTimeAuthenticatorTokenProvider>().CheckAsync(code, users, preceptor));
    }

    [Fact]
    public async Task An_encrypted_key_copied_to_another_account_does_not_decrypt()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var source = (await users.FindByEmailAsync(DemoAccounts.Preceptor))!;
        var target = (await users.FindByEmailAsync("preceptor2.gateway@trainingnetwork.test"))!;
        var sourceKey = await db.UserTokens.SingleAsync(t => t.UserId == source.Id && t.Name == "AuthenticatorKey");
        var targetKey = await db.UserTokens.SingleAsync(t => t.UserId == target.Id && t.Name == "AuthenticatorKey");

        targetKey.Value = sourceKey.Value;
        await db.SaveChangesAsync();

        await Assert.ThrowsAnyAsync<CryptographicException>(() => users.GetAuthenticatorKeyAsync(target));
    }

    private async Task<(HttpClient Client, HttpResponseMessage Response)> SignInWithRecoveryCodeAsync(string code)
    {
        var client = portal.CreateBrowserLikeClient();
        await client.SignInAsync(DemoAccounts.Preceptor, DemoAccounts.Password);
        var page = await client.GetDocumentAsync("/Identity/Account/LoginWithRecoveryCode");
        return (client, await client.SubmitAsync(page, "main form", new Dictionary<string, string> { ["Input.RecoveryCode"] = code }));
    }

    private Task<int> RecoveryCodesLeftAsync() =>
        portal.WithUsersAsync(async users => await users.CountRecoveryCodesAsync((await users.FindByEmailAsync(DemoAccounts.Preceptor))!));

    private Task<List<string>> TokenValuesAsync(string email) =>
        portal.WithDbAsync(db => db.UserTokens
            .Where(t => db.Users.Any(u => u.Id == t.UserId && u.Email == email))
            .Select(t => t.Value ?? "")
            .ToListAsync());
}
