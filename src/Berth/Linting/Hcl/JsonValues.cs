using System.Globalization;
using System.Text;

namespace Berth.Linting.Hcl;

/// <summary>
/// A small JSON reader that keeps where every object and key was written (so findings inside a container
/// definition point at its line), and Terraform's <c>jsonencode</c> writer. Bad JSON gives <see cref="EvalError"/>.
/// </summary>
public static class JsonValues
{
    private const int MaxDepth = 200;

    /// <summary>Reads JSON; positions are reported in <paramref name="file"/>, shifted so that the text's first line is <paramref name="firstLine"/>.</summary>
    public static object? Parse(string text, string file, int firstLine = 1, int firstColumn = 1)
    {
        var reader = new Reader(text, file, firstLine, firstColumn);
        try
        {
            reader.SkipWhitespace();
            var value = reader.ReadValue(0);
            reader.SkipWhitespace();
            return reader.AtEnd ? value : EvalError.Value;
        }
        catch (FormatException)
        {
            return EvalError.Value;
        }
    }

    public static string Encode(object? value)
    {
        var sb = new StringBuilder();
        return Write(sb, value) ? sb.ToString() : "";
    }

    /// <summary>Writes the value; false when it holds an unknown (the result is then unknown too).</summary>
    public static bool Write(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                return true;
            case bool b:
                sb.Append(b ? "true" : "false");
                return true;
            case decimal d:
                sb.Append(HclValue.FormatNumber(d));
                return true;
            case string s:
                WriteString(sb, s);
                return true;
            case HclDictionary m:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in m)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    WriteString(sb, k);
                    sb.Append(':');
                    if (!Write(sb, v))
                    {
                        return false;
                    }
                }

                sb.Append('}');
                return true;
            case IReadOnlyList<object?> list:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    if (!Write(sb, list[i]))
                    {
                        return false;
                    }
                }

                sb.Append(']');
                return true;
            default:
                return false;
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '<' or '>' or '&' or < ' ':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('"');
    }

    private sealed class Reader(string text, string file, int firstLine, int firstColumn)
    {
        private int _pos;
        private int _line = 1;
        private int _col = 1;

        public bool AtEnd => _pos >= text.Length;

        private SourcePos Position => new(firstLine + _line - 1, _line == 1 ? firstColumn + _col - 1 : _col, _pos);

        private char Peek => _pos < text.Length ? text[_pos] : '\0';

        private void Advance()
        {
            if (text[_pos] == '\n')
            {
                _line++;
                _col = 1;
            }
            else
            {
                _col++;
            }

            _pos++;
        }

        public void SkipWhitespace()
        {
            while (!AtEnd && Peek is ' ' or '\t' or '\r' or '\n')
            {
                Advance();
            }
        }

        private void Expect(char c)
        {
            if (Peek != c)
            {
                throw new FormatException();
            }

            Advance();
        }

        public object? ReadValue(int depth)
        {
            if (depth > MaxDepth || AtEnd)
            {
                throw new FormatException();
            }

            var start = Position;
            switch (Peek)
            {
                case '{':
                    {
                        Advance();
                        var entries = new List<(string Key, object? Value, SourceRange Range)>();
                        SkipWhitespace();
                        if (Peek == '}')
                        {
                            Advance();
                        }
                        else
                        {
                            while (true)
                            {
                                SkipWhitespace();
                                var keyStart = Position;
                                var key = ReadString();
                                var keyRange = new SourceRange(file, keyStart, Position);
                                SkipWhitespace();
                                Expect(':');
                                SkipWhitespace();
                                entries.Add((key, ReadValue(depth + 1), keyRange));
                                SkipWhitespace();
                                if (Peek == ',')
                                {
                                    Advance();
                                    continue;
                                }

                                Expect('}');
                                break;
                            }
                        }

                        var map = new HclDictionary(new SourceRange(file, start, Position));
                        foreach (var (k, v, r) in entries)
                        {
                            map.Set(k, v, r);
                        }

                        return map;
                    }

                case '[':
                    {
                        Advance();
                        var items = new List<object?>();
                        SkipWhitespace();
                        if (Peek == ']')
                        {
                            Advance();
                            return items;
                        }

                        while (true)
                        {
                            SkipWhitespace();
                            items.Add(ReadValue(depth + 1));
                            SkipWhitespace();
                            if (Peek == ',')
                            {
                                Advance();
                                continue;
                            }

                            Expect(']');
                            return items;
                        }
                    }

                case '"':
                    return ReadString();
                case 't':
                    ReadWord("true");
                    return true;
                case 'f':
                    ReadWord("false");
                    return false;
                case 'n':
                    ReadWord("null");
                    return null;
                default:
                    {
                        var from = _pos;
                        while (!AtEnd && (char.IsAsciiDigit(Peek) || Peek is '-' or '+' or '.' or 'e' or 'E'))
                        {
                            Advance();
                        }

                        if (decimal.TryParse(text.AsSpan(from, _pos - from), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                        {
                            return d;
                        }

                        throw new FormatException();
                    }
            }
        }

        private void ReadWord(string word)
        {
            foreach (var c in word)
            {
                Expect(c);
            }
        }

        private string ReadString()
        {
            Expect('"');
            var sb = new StringBuilder();
            while (true)
            {
                if (AtEnd || Peek == '\n')
                {
                    throw new FormatException();
                }

                var c = Peek;
                Advance();
                if (c == '"')
                {
                    return sb.ToString();
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                if (AtEnd)
                {
                    throw new FormatException();
                }

                var e = Peek;
                Advance();
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'u':
                        if (_pos + 4 > text.Length || !int.TryParse(text.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new FormatException();
                        }

                        sb.Append((char)code);
                        for (var i = 0; i < 4; i++)
                        {
                            Advance();
                        }

                        break;
                    default: sb.Append(e); break;
                }
            }
        }
    }
}
