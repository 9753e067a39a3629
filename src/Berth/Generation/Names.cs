using System.Text;

namespace Berth.Generation;

/// <summary>Names derived from the spec, the same way in every generator.</summary>
public static class Names
{
    /// <summary>A Terraform identifier (module or resource name) for a free-form name: <c>acme-insurance</c> → <c>acme_insurance</c>.</summary>
    public static string Identifier(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? char.ToLowerInvariant(c) : '_');
        }

        return sb.Length == 0 || char.IsAsciiDigit(sb[0]) ? "n_" + sb : sb.ToString();
    }
}
