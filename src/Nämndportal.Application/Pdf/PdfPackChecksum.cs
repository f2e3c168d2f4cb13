using System.Security.Cryptography;
using System.Text;

namespace Nämndportal.Application.Pdf;

/// <summary>
/// A stable SHA-256 over the inputs of a pack part (paketdel), so a part whose inputs are unchanged is taken from the
/// cache instead of printed again. Each input is written with its kind and length first, so ("ab", "c") and ("a", "bc")
/// differ. Include a template version among the inputs, so a changed template invalidates the cache.
/// </summary>
public static class PdfPackChecksum
{
    public static string Of(params object?[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> header = stackalloc byte[5];
        foreach (var input in inputs)
        {
            var (kind, bytes) = input switch
            {
                null => ((byte)0, Array.Empty<byte>()),
                byte[] b => ((byte)1, b),
                string s => ((byte)2, Encoding.UTF8.GetBytes(s)),
                IFormattable f => ((byte)3, Encoding.UTF8.GetBytes(f.ToString(null, System.Globalization.CultureInfo.InvariantCulture))),
                bool b => ((byte)4, [b ? (byte)1 : (byte)0]),
                _ => throw new ArgumentException($"Inputs of type {input.GetType().Name} have no stable form; pass strings, numbers, dates or bytes.", nameof(inputs)),
            };
            header[0] = kind;
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header[1..], bytes.Length);
            hash.AppendData(header);
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
