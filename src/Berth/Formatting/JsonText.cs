using System.Text;
using System.Text.Json;

namespace Berth.Formatting;

/// <summary>Every JSON output of Berth is written the same way: indented by two, LF line ends, a final newline.</summary>
public static class JsonText
{
    public static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n" };

    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            body(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
