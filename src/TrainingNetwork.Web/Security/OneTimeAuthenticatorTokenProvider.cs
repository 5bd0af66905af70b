using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Web.Data;

namespace TrainingNetwork.Web.Security;

/// <summary>
/// Authenticator-app codes (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) that work once. Identity's own
/// provider accepts a code again for as long as it is in its window (dotnet/aspnetcore#14423); this one accepts the
/// current step and one either side, and only a step later than the last one accepted for the account. The last step is
/// recorded with one conditional upsert, so two requests racing with the same code cannot both win.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(AppDbContext db, TimeProvider clock) : AuthenticatorTokenProvider<ApplicationUser>
{
    private const string LoginProvider = "TrainingNetwork";
    private const string LastStepName = "LastAuthenticatorStep";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        await CheckAsync(token, manager, user) == CodeCheck.Accepted;

    /// <summary>Checks the code and, when it is good and fresh, spends it.</summary>
    public async Task<CodeCheck> CheckAsync(string code, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        code = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return CodeCheck.Wrong;
        }

        var secret = Base32.Decode(key);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / (long)Step.TotalSeconds;
        long? matched = null;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(secret, step)), Encoding.ASCII.GetBytes(code)))
            {
                matched = step;
            }
        }

        if (matched is not { } accepted)
        {
            return CodeCheck.Wrong;
        }

        var spent = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AspNetUserTokens" (user_id, login_provider, name, value)
            VALUES ({user.Id}, {LoginProvider}, {LastStepName}, {accepted.ToString(CultureInfo.InvariantCulture)})
            ON CONFLICT (user_id, login_provider, name) DO UPDATE SET value = excluded.value
            WHERE "AspNetUserTokens".value::bigint < excluded.value::bigint
            """);
        return spent == 1 ? CodeCheck.Accepted : CodeCheck.AlreadyUsed;
    }

    /// <summary>The 6-digit code of a time step (RFC 4226 dynamic truncation).</summary>
    public static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; HMAC keeps it sound for this use.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF;
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }
}

public enum CodeCheck
{
    Accepted,
    Wrong,
    AlreadyUsed,
}

/// <summary>RFC 4648 base32, as authenticator keys are written (upper case, no padding, spaces ignored).</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static byte[] Decode(string text)
    {
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new byte[clean.Length * 5 / 8];
        int buffer = 0, bits = 0, index = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The authenticator key is not base32.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes[index++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }

        return bytes;
    }
}
