using System.Globalization;
using System.Net;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Berth.Linting.Hcl;

/// <summary>
/// The rest of Terraform's pure functions that platform code uses (counted in public ECS/EKS codebases: cidrsubnet,
/// base64decode, slice, basename, one, yamlencode, range, sort, zipmap, regex, trimprefix, formatlist, anytrue,
/// cidrhost, fileexists…). Each follows the Terraform function of the same name
/// (hashicorp/terraform internal/lang/funcs and zclconf/go-cty function/stdlib); a call outside its domain is an error,
/// as in Terraform. Arguments reach here known (the caller propagates unknowns).
/// </summary>
public static class HclMoreFunctions
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "alltrue", "anytrue", "base64decode", "base64encode", "base64sha256", "basename", "chomp", "chunklist", "cidrhost",
        "cidrnetmask", "cidrsubnet", "dirname", "fileexists", "formatlist", "index", "indent", "matchkeys", "md5", "nonsensitive",
        "one", "parseint", "pow", "range", "regex", "regexall", "reverse", "sensitive", "setintersection", "setproduct",
        "setsubtract", "setunion", "sha1", "sha256", "signum", "slice", "sort", "strrev", "sum", "title", "transpose", "trim",
        "trimprefix", "trimsuffix", "urlencode", "yamlencode", "zipmap",
    ];

    private static readonly TimeSpan RegexBudget = TimeSpan.FromMilliseconds(200);

    /// <summary>The function's value; <see cref="Unknown"/> when it is not one of these.</summary>
    public static object? Invoke(string name, List<object?> a, HclScope scope)
    {
        string Str(int i) => HclValue.AsString(a[i]) ?? throw new FormatException();
        decimal Num(int i) => HclValue.AsNumber(a[i]) ?? throw new FormatException();
        int Int(int i) => (int)decimal.Truncate(Num(i));
        IReadOnlyList<object?> List(int i) => a[i] as IReadOnlyList<object?> ?? throw new FormatException();

        switch (name)
        {
            case "nonsensitive" or "sensitive" when a.Count == 1:
                return a[0];
            case "one" when a.Count == 1:
                return List(0) switch
                {
                    [] => null,
                    [var only] => only,
                    _ => EvalError.Value,
                };
            case "alltrue" when a.Count == 1:
                return List(0).All(x => HclValue.AsBool(x) ?? throw new FormatException());
            case "anytrue" when a.Count == 1:
                return List(0).Any(x => HclValue.AsBool(x) ?? throw new FormatException());
            case "base64encode" when a.Count == 1:
                return Convert.ToBase64String(Encoding.UTF8.GetBytes(Str(0)));
            case "base64decode" when a.Count == 1:
                return new UTF8Encoding(false, true).GetString(Convert.FromBase64String(Str(0)));
            case "base64sha256" when a.Count == 1:
                return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Str(0))));
            case "sha256" when a.Count == 1:
                return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Str(0))));
            case "sha1" when a.Count == 1:
#pragma warning disable CA5350 // Terraform's sha1 is asked for by name; nothing here relies on its strength.
                return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(Str(0))));
#pragma warning restore CA5350
            case "md5" when a.Count == 1:
#pragma warning disable CA5351 // likewise
                return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(Str(0))));
#pragma warning restore CA5351
            case "basename" when a.Count == 1:
                {
                    var p = Str(0).TrimEnd('/');
                    return p.Length == 0 ? "/" : p[(p.LastIndexOf('/') + 1)..];
                }

            case "dirname" when a.Count == 1:
                {
                    var p = Str(0);
                    var i = p.TrimEnd('/').LastIndexOf('/');
                    return i < 0 ? "." : i == 0 ? "/" : p[..i];
                }

            case "fileexists" when a.Count == 1:
                return scope.Context?.ReadFile(Str(0)) is not null ? true : Unknown.Value;
            case "chomp" when a.Count == 1:
                return Str(0).TrimEnd('\n', '\r');
            case "trim" when a.Count == 2:
                return Str(0).Trim(Str(1).ToCharArray());
            case "trimprefix" when a.Count == 2:
                return Str(0).StartsWith(Str(1), StringComparison.Ordinal) ? Str(0)[Str(1).Length..] : Str(0);
            case "trimsuffix" when a.Count == 2:
                return Str(0).EndsWith(Str(1), StringComparison.Ordinal) ? Str(0)[..^Str(1).Length] : Str(0);
            case "title" when a.Count == 1:
                return System.Text.RegularExpressions.Regex.Replace(Str(0), @"\b\p{Ll}", m => m.Value.ToUpperInvariant(), RegexOptions.None, RegexBudget);
            case "strrev" when a.Count == 1:
                return new string(Str(0).Reverse().ToArray());
            case "indent" when a.Count == 2:
                return Str(1).Replace("\n", "\n" + new string(' ', Int(0)), StringComparison.Ordinal);
            case "urlencode" when a.Count == 1:
                return Uri.EscapeDataString(Str(0));
            case "parseint" when a.Count == 2:
                {
                    var value = BigInteger.Zero;
                    var radix = Int(1);
                    var text = Str(0);
                    var negative = text.StartsWith('-');
                    foreach (var c in negative ? text[1..] : text)
                    {
                        var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
                        if (radix < 2 || radix > 62 || digit >= radix)
                        {
                            return EvalError.Value;
                        }

                        value = value * radix + digit;
                    }

                    return (decimal)(negative ? -value : value);
                }

            case "pow" when a.Count == 2:
                return (decimal)Math.Pow((double)Num(0), (double)Num(1));
            case "signum" when a.Count == 1:
                return (decimal)Math.Sign(Num(0));
            case "sum" when a.Count == 1:
                return List(0).Count == 0 ? EvalError.Value : List(0).Sum(x => HclValue.AsNumber(x) ?? throw new FormatException());
            case "range" when a.Count is >= 1 and <= 3:
                return Range(a.Count == 1 ? 0 : Num(0), a.Count == 1 ? Num(0) : Num(1), a.Count == 3 ? Num(2) : null);
            case "reverse" when a.Count == 1:
                return List(0).Reverse().ToList();
            case "slice" when a.Count == 3:
                {
                    var list = List(0);
                    var (from, to) = (Int(1), Int(2));
                    return from < 0 || to > list.Count || from > to ? EvalError.Value : list.Skip(from).Take(to - from).ToList();
                }

            case "chunklist" when a.Count == 2:
                {
                    var size = Int(1);
                    var list = List(0);
                    return size <= 0 ? new List<object?> { list.ToList() } : list.Chunk(size).Select(c => (object?)c.ToList()).ToList();
                }

            case "index" when a.Count == 2:
                {
                    var list = List(0);
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (HclValue.Equal(list[i], a[1]))
                        {
                            return (decimal)i;
                        }
                    }

                    return EvalError.Value;
                }

            case "sort" when a.Count == 1:
                return List(0).Select(x => HclValue.AsString(x) ?? throw new FormatException()).Order(StringComparer.Ordinal).Cast<object?>().ToList();
            case "zipmap" when a.Count == 2:
                {
                    var (keys, values) = (List(0), List(1));
                    if (keys.Count != values.Count)
                    {
                        return EvalError.Value;
                    }

                    var map = new HclDictionary();
                    for (var i = 0; i < keys.Count; i++)
                    {
                        map.Set(HclValue.AsString(keys[i]) ?? throw new FormatException(), values[i]);
                    }

                    return map;
                }

            case "matchkeys" when a.Count == 3:
                {
                    var (values, keys, search) = (List(0), List(1), List(2));
                    return values.Count != keys.Count ? EvalError.Value : values.Where((_, i) => search.Any(s => HclValue.Equal(s, keys[i]))).ToList();
                }

            case "transpose" when a.Count == 1:
                {
                    var result = new SortedDictionary<string, List<object?>>(StringComparer.Ordinal);
                    foreach (var (key, list) in a[0] as HclDictionary ?? throw new FormatException())
                    {
                        foreach (var item in list as IReadOnlyList<object?> ?? throw new FormatException())
                        {
                            var k = HclValue.AsString(item) ?? throw new FormatException();
                            (result.TryGetValue(k, out var into) ? into : result[k] = []).Add(key);
                        }
                    }

                    var map = new HclDictionary();
                    foreach (var (k, v) in result)
                    {
                        map.Set(k, v.OrderBy(x => HclValue.AsString(x), StringComparer.Ordinal).ToList());
                    }

                    return map;
                }

            case "setunion" when a.Count >= 1:
                return HclFunctions.Distinct(a.SelectMany((_, i) => List(i)));
            case "setintersection" when a.Count >= 1:
                return HclFunctions.Distinct(List(0).Where(x => a.Skip(1).All(o => (o as IReadOnlyList<object?> ?? throw new FormatException()).Any(y => HclValue.Equal(x, y)))));
            case "setsubtract" when a.Count == 2:
                return HclFunctions.Distinct(List(0).Where(x => !List(1).Any(y => HclValue.Equal(x, y))));
            case "setproduct" when a.Count >= 1:
                {
                    IEnumerable<List<object?>> product = [[]];
                    foreach (var set in a.Select((_, i) => List(i)))
                    {
                        product = product.SelectMany(p => set.Select(x => new List<object?>(p) { x })).ToList();
                    }

                    return product.Select(p => (object?)p).ToList();
                }

            case "formatlist" when a.Count >= 1:
                {
                    var lists = a.Skip(1).Select(x => x as IReadOnlyList<object?>).ToList();
                    var lengths = lists.Where(l => l is not null).Select(l => l!.Count).Distinct().ToList();
                    if (lengths.Count > 1)
                    {
                        return EvalError.Value;
                    }

                    var n = lengths.Count == 0 ? 1 : lengths[0];
                    return Enumerable.Range(0, n).Select(i => (object?)HclFunctions.Format(Str(0), a.Skip(1).Select((x, j) => lists[j] is { } l ? l[i] : x).ToList())).ToList();
                }

            case "regex" when a.Count == 2:
                return Match(Str(0), Str(1), all: false);
            case "regexall" when a.Count == 2:
                return Match(Str(0), Str(1), all: true);
            case "cidrsubnet" when a.Count == 3:
                return Cidr.Subnet(Str(0), Int(1), new BigInteger(Num(2)));
            case "cidrhost" when a.Count == 2:
                return Cidr.Host(Str(0), new BigInteger(Num(1)));
            case "cidrnetmask" when a.Count == 1:
                return Cidr.Netmask(Str(0));
            case "yamlencode" when a.Count == 1:
                return HclValue.ContainsUnknown(a[0]) ? Unknown.Value : YamlText.Encode(a[0]);
            default:
                return Unknown.Value;
        }
    }

    private static List<object?> Range(decimal start, decimal limit, decimal? stepOrNull)
    {
        var step = stepOrNull ?? (limit >= start ? 1 : -1);
        if (step == 0 || (step > 0 && limit < start) || (step < 0 && limit > start))
        {
            throw new FormatException();
        }

        var result = new List<object?>();

        // Terraform caps range at 1024 elements (internal/lang/funcs: "more than 1024 numbers").
        for (var x = start; step > 0 ? x < limit : x > limit; x += step)
        {
            if (result.Count == 1024)
            {
                throw new FormatException();
            }

            result.Add(x);
        }

        return result;
    }

    /// <summary>RE2 syntax as .NET reads it: named groups <c>(?P&lt;n&gt;…)</c> become <c>(?&lt;n&gt;…)</c>.</summary>
    private static object? Match(string pattern, string text, bool all)
    {
        try
        {
            var re = new Regex(pattern.Replace("(?P<", "(?<", StringComparison.Ordinal), RegexOptions.CultureInvariant, RegexBudget);
            var names = re.GetGroupNames().Where(n => !int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out _)).ToList();
            object? Captures(Match m)
            {
                if (m.Groups.Count == 1)
                {
                    return m.Value;
                }

                if (names.Count > 0)
                {
                    var map = new HclDictionary();
                    foreach (var n in names)
                    {
                        map.Set(n, m.Groups[n].Success ? m.Groups[n].Value : null);
                    }

                    return map;
                }

                return m.Groups.Cast<Group>().Skip(1).Select(g => (object?)(g.Success ? g.Value : null)).ToList();
            }

            if (all)
            {
                return re.Matches(text).Select(Captures).ToList();
            }

            var match = re.Match(text);
            return match.Success ? Captures(match) : EvalError.Value;
        }
        catch (RegexMatchTimeoutException)
        {
            return Unknown.Value;
        }
    }
}

/// <summary>Terraform's cidrsubnet, cidrhost and cidrnetmask (internal/lang/funcs/cidr.go, over go-cidr), IPv4 and IPv6.</summary>
internal static class Cidr
{
    private static (BigInteger Network, int Prefix, int Bits, bool V6) Parse(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(cidr[..slash], out var ip) || !int.TryParse(cidr[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix))
        {
            throw new FormatException();
        }

        var bytes = ip.GetAddressBytes();
        var bits = bytes.Length * 8;
        if (prefix > bits)
        {
            throw new FormatException();
        }

        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var hostBits = bits - prefix;
        var network = value >> hostBits << hostBits;
        return (network, prefix, bits, bytes.Length == 16);
    }

    private static string Format(BigInteger value, int bits)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var full = new byte[bits / 8];
        Array.Copy(bytes, 0, full, full.Length - bytes.Length, bytes.Length);
        return new IPAddress(full).ToString();
    }

    public static object? Subnet(string cidr, int newBits, BigInteger netNum)
    {
        var (network, prefix, bits, _) = Parse(cidr);
        var newPrefix = prefix + newBits;
        if (newBits < 0 || newPrefix > bits || netNum < 0 || netNum >= BigInteger.One << newBits)
        {
            return EvalError.Value;
        }

        var subnet = network | (netNum << (bits - newPrefix));
        return Format(subnet, bits) + "/" + newPrefix.ToString(CultureInfo.InvariantCulture);
    }

    public static object? Host(string cidr, BigInteger hostNum)
    {
        var (network, prefix, bits, _) = Parse(cidr);
        var size = BigInteger.One << (bits - prefix);
        var offset = hostNum < 0 ? size + hostNum : hostNum;
        return offset < 0 || offset >= size ? EvalError.Value : Format(network + offset, bits);
    }

    public static object? Netmask(string cidr)
    {
        var (_, prefix, bits, v6) = Parse(cidr);
        if (v6)
        {
            return EvalError.Value;
        }

        var mask = ((BigInteger.One << prefix) - 1) << (bits - prefix);
        return Format(mask, bits);
    }
}
