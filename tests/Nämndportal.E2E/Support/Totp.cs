using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Nämndportal.E2E.Support;

/// <summary>An authenticator app in a few lines (RFC 6238, SHA-1, 30 s, 6 digits), so a test can log in with a second factor.</summary>
public static class Totp
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private static readonly Dictionary<string, long> LastStep = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>
    /// The code of a time step not used yet in this test run for the key at the portal: a portal accepts each step once
    /// per user (ASVS 2.8.4), so a second login there within the same 30 seconds waits for the next step, as a person
    /// would. Portals on databases of their own keep their own record of used steps, so they do not wait for each other.
    /// </summary>
    public static async Task<string> FreshCodeAsync(string base32Key, string portalUrl)
    {
        var secret = base32Key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var key = portalUrl + " " + secret;
        await Gate.WaitAsync();
        try
        {
            while (true)
            {
                var now = DateTimeOffset.UtcNow;
                var step = now.ToUnixTimeSeconds() / 30;
                if (!LastStep.TryGetValue(key, out var last) || step > last)
                {
                    LastStep[key] = step;
                    return Code(secret, now);
                }

                await Task.Delay(TimeSpan.FromSeconds(30 - (now.ToUnixTimeSeconds() % 30)) + TimeSpan.FromMilliseconds(200));
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    public static string Code(string base32Key, DateTimeOffset now)
    {
        var key = Base32(base32Key);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, now.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // SHA-1 is what RFC 6238 and every authenticator app use.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF;
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        var clean = text.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
