using System.Text;

namespace Berth.Linting.Hcl;

/// <summary>
/// Terraform's <c>yamlencode</c> layout (go-yaml block style: keys and strings double-quoted, lists at the key's
/// indent), enough for the YAML a module hands to Helm or kubectl to be read back by the Kubernetes rules.
/// </summary>
public static class YamlText
{
    public static string Encode(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0, inline: false);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, int indent, bool inline)
    {
        switch (value)
        {
            case HclDictionary { Count: 0 }:
                sb.Append("{}\n");
                break;
            case HclDictionary map:
                {
                    var first = true;
                    foreach (var (key, item) in map)
                    {
                        if (!(first && inline))
                        {
                            sb.Append(' ', indent);
                        }

                        first = false;
                        sb.Append(JsonValues.Encode(key)).Append(':');
                        if (item is HclDictionary { Count: > 0 })
                        {
                            sb.Append('\n');
                            Write(sb, item, indent + 2, inline: false);
                        }
                        else if (item is IReadOnlyList<object?> { Count: > 0 })
                        {
                            sb.Append('\n');
                            Write(sb, item, indent, inline: false);
                        }
                        else
                        {
                            sb.Append(' ');
                            Write(sb, item, indent, inline: true);
                        }
                    }

                    break;
                }

            case IReadOnlyList<object?> { Count: 0 }:
                sb.Append("[]\n");
                break;
            case IReadOnlyList<object?> list:
                foreach (var item in list)
                {
                    sb.Append(' ', indent).Append("- ");
                    if (item is IReadOnlyList<object?> { Count: > 0 })
                    {
                        sb.Append('\n');
                        Write(sb, item, indent + 2, inline: false);
                    }
                    else
                    {
                        Write(sb, item, indent + 2, inline: true);
                    }
                }

                break;
            case null:
                sb.Append("null\n");
                break;
            case bool b:
                sb.Append(b ? "true\n" : "false\n");
                break;
            case decimal d:
                sb.Append(HclValue.FormatNumber(d)).Append('\n');
                break;
            default:
                sb.Append(JsonValues.Encode(HclValue.AsString(value) ?? "")).Append('\n');
                break;
        }
    }
}
