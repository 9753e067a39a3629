using System.Text;

namespace Berth.Importing;

/// <summary>berth.yaml names: lowercase letters, digits and '-', starting with a letter (docs/berth-yaml.md).</summary>
internal static class Names
{
    public static string Berth(string name, int maxLength = 63)
    {
        var sb = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            sb.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-');
        }

        var s = sb.ToString().Trim('-');
        while (s.Contains("--", StringComparison.Ordinal))
        {
            s = s.Replace("--", "-", StringComparison.Ordinal);
        }

        if (s.Length == 0 || s[0] is < 'a' or > 'z')
        {
            s = "s-" + s;
        }

        return s.Length > maxLength ? s[..maxLength].TrimEnd('-') : s;
    }
}
