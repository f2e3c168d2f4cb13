using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Infrastructure.Persistence;

namespace Nämndportal.Infrastructure.Identity;

/// <summary>
/// Checks authenticator-app codes (TOTP, RFC 6238: 30-second steps, six digits, HMAC-SHA1) as Identity's own provider
/// does, and accepts each time step once per user (ASVS 2.8.4): a code is accepted only if a conditional UPDATE raises
/// the user's <see cref="ApplicationUser.LastTotpTimeStep"/>, so of two browsers sending the same code at the same moment
/// exactly one gets in. Used for the login's second step and for enrolment.
/// </summary>
public sealed class ReplayProofAuthenticatorTokenProvider(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
    : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string ProviderName = "PortalAuthenticator";

    private const int StepSeconds = 30;

    /// <summary>Steps either side of now that are accepted, for a phone whose clock is a little off (Identity's default).</summary>
    private const int AllowedDrift = 2;

    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token is not { Length: 6 }
            || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        var keyBytes = Base32Decode(key);
        var now = StepAt(clock.GetUtcNow());
        long? matched = null;
        for (var step = now - AllowedDrift; step <= now + AllowedDrift; step++)
        {
            if (Code(keyBytes, step) == code)
            {
                matched = step;
                break;
            }
        }

        if (matched is not { } accepted)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db.Database.ExecuteSqlAsync(
            $"UPDATE users SET last_totp_time_step = {accepted} WHERE id = {user.Id} AND (last_totp_time_step IS NULL OR last_totp_time_step < {accepted})");
        return rows == 1;
    }

    /// <summary>The six-digit code of a Base32 key at a moment (for the tests and the demo).</summary>
    public static string CodeAt(string base32Key, DateTimeOffset at) =>
        Code(Base32Decode(base32Key), StepAt(at)).ToString("D6", CultureInfo.InvariantCulture);

    private static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    private static int Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 TOTP as authenticator apps compute it is HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % 1_000_000;
    }

    private static byte[] Base32Decode(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = input.Trim().TrimEnd('=').Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The authenticator key is not Base32.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
