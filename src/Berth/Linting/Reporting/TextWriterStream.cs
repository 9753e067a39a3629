using System.Text;

namespace Berth.Linting.Reporting;

/// <summary>
/// A write-only stream that decodes the UTF-8 it is given into a <see cref="TextWriter"/>, so a
/// <see cref="System.Text.Json.Utf8JsonWriter"/> can write a report straight to the output. A 10,000-file lint
/// writes ~20 MB of SARIF; built in memory first (a growing byte buffer, then a string twice its size) it was the
/// run's peak memory. A multi-byte character split between two writes is carried over by the decoder.
/// </summary>
internal sealed class TextWriterStream(TextWriter writer) : Stream
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private readonly char[] _chars = new char[8192];

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        // Each pass decodes what fits in the char buffer (always at least one character); the bytes of a character
        // cut at the end of this write stay in the decoder for the next one.
        while (!buffer.IsEmpty)
        {
            _decoder.Convert(buffer, _chars, flush: false, out var bytesUsed, out var charsUsed, out _);
            writer.Write(_chars, 0, charsUsed);
            buffer = buffer[bytesUsed..];
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>The text writer is flushed by whoever owns it (the console, a file): not once per chunk here.</summary>
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
