using System.Globalization;
using System.Text;

namespace Berth.Reporting;

/// <summary>
/// Builds XHTML-compatible HTML (every element closed, attributes quoted, only the five XML entities), so the report
/// parses as XML as well as HTML.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _sb = new();

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    // Control characters other than tab and newline are not allowed in XML 1.0.
                    if (c >= ' ' || c is '\t' or '\n')
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    public HtmlWriter Raw(string html)
    {
        _sb.Append(html);
        return this;
    }

    public HtmlWriter Text(string text)
    {
        _sb.Append(Escape(text));
        return this;
    }

    /// <summary>An element with text content: <c>&lt;tag attrs&gt;text&lt;/tag&gt;</c> and a newline.</summary>
    public HtmlWriter El(string tag, string text, string? attributes = null, bool newline = true)
    {
        Open(tag, attributes, newline: false).Text(text);
        return Close(tag, newline);
    }

    public HtmlWriter Open(string tag, string? attributes = null, bool newline = true)
    {
        _sb.Append('<').Append(tag);
        if (!string.IsNullOrEmpty(attributes))
        {
            _sb.Append(' ').Append(attributes);
        }

        _sb.Append('>');
        if (newline)
        {
            _sb.Append('\n');
        }

        return this;
    }

    public HtmlWriter Close(string tag, bool newline = true)
    {
        _sb.Append("</").Append(tag).Append('>');
        if (newline)
        {
            _sb.Append('\n');
        }

        return this;
    }

    /// <summary>A table: caption, a header row (right-aligned numeric columns marked by a leading '#'), body rows of escaped text.</summary>
    public HtmlWriter Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? id = null)
    {
        var numeric = headers.Select(h => h.StartsWith('#')).ToArray();
        Open("table", id is null ? null : $"id=\"{id}\"");
        El("caption", caption);
        Open("thead", newline: false).Open("tr", newline: false);
        for (var i = 0; i < headers.Count; i++)
        {
            El("th", numeric[i] ? headers[i][1..] : headers[i], numeric[i] ? "scope=\"col\" class=\"num\"" : "scope=\"col\"");
        }

        Close("tr").Close("thead");
        Open("tbody");
        foreach (var row in rows)
        {
            Open("tr", newline: false);
            for (var i = 0; i < row.Count; i++)
            {
                if (i == 0)
                {
                    El("th", row[i], numeric[i] ? "scope=\"row\" class=\"num\"" : "scope=\"row\"");
                }
                else
                {
                    El("td", row[i], numeric[i] ? "class=\"num\"" : null);
                }
            }

            Close("tr");
        }

        return Close("tbody").Close("table");
    }

    public override string ToString() => _sb.ToString();

    public static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
