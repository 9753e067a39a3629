using System.Buffers.Binary;
using System.Text;

namespace Berth.Reporting.Charts;

/// <summary>
/// How a chart file says Berth drew it, so <c>--chart</c> may replace an earlier chart but never a user's own image:
/// an SVG carries the comment <see cref="SvgComment"/> after its XML declaration, a PNG a <c>tEXt</c> chunk
/// <c>Software=Berth</c> right after its header chunk (PNG spec, 11.3.4.3: the keyword "Software" names the program
/// that created the image).
/// </summary>
public static class ChartSignature
{
    public const string SvgComment = "<!-- drawn by Berth -->";

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly byte[] SoftwareText = Encoding.ASCII.GetBytes("Software\0Berth");

    /// <summary>End of the IHDR chunk: 8 signature bytes, then length, type, 13 bytes of data and the CRC.</summary>
    private const int AfterHeader = 8 + 4 + 4 + 13 + 4;

    public static string SignSvg(string svgDocument)
    {
        var declarationEnd = svgDocument.StartsWith("<?xml", StringComparison.Ordinal) ? svgDocument.IndexOf("?>\n", StringComparison.Ordinal) : -1;
        return declarationEnd < 0
            ? SvgComment + "\n" + svgDocument
            : svgDocument[..(declarationEnd + 3)] + SvgComment + "\n" + svgDocument[(declarationEnd + 3)..];
    }

    public static byte[] SignPng(byte[] png)
    {
        if (!IsPng(png) || png.Length < AfterHeader)
        {
            return png;
        }

        var chunk = new byte[12 + SoftwareText.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, SoftwareText.Length);
        Encoding.ASCII.GetBytes("tEXt").CopyTo(chunk, 4);
        SoftwareText.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + SoftwareText.Length), Crc32(chunk.AsSpan(4, 4 + SoftwareText.Length)));
        return [.. png.AsSpan(0, AfterHeader), .. chunk, .. png.AsSpan(AfterHeader)];
    }

    /// <summary>Whether the first bytes of a file are those of a chart Berth drew, of the given kind ("png" or "svg").</summary>
    public static bool IsBerths(ReadOnlySpan<byte> head, string kind)
    {
        if (kind == "png")
        {
            return IsPng(head) && head.Length >= AfterHeader + 8 + SoftwareText.Length
                && head.Slice(AfterHeader + 4, 4).SequenceEqual("tEXt"u8)
                && head.Slice(AfterHeader + 8, SoftwareText.Length).SequenceEqual(SoftwareText);
        }

        return Encoding.UTF8.GetString(head).Contains(SvgComment, StringComparison.Ordinal);
    }

    private static bool IsPng(ReadOnlySpan<byte> bytes) => bytes.Length >= PngSignature.Length && bytes[..PngSignature.Length].SequenceEqual(PngSignature);

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, as in the PNG spec's annex D sample code).</summary>
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
