using System.Globalization;
using System.Text.Json;

namespace Berth.Linting.Terraform;

/// <summary>One EKS Kubernetes version and its support window.</summary>
public sealed record EksVersion(string Version, DateOnly Released, DateOnly EndOfStandardSupport, DateOnly EndOfExtendedSupport);

public enum EksSupport
{
    Standard,
    Extended,
    Ended,

    /// <summary>Newer than the data (or not a version): nothing can be said.</summary>
    NotListed,
}

/// <summary>
/// The EKS release calendar as updatable data (Linting/Data/eks-versions.json, embedded): which versions are in
/// standard or extended support on a given day (the lint's today, injected, so lint stays deterministic for a given
/// --today), by default the file's own date.
/// </summary>
public sealed record EksVersions(DateOnly AsOf, string Source, IReadOnlyList<EksVersion> Versions)
{
    public static EksVersions Embedded { get; } = Load();

    /// <summary>How old the calendar may get before the rule says its dates may be missing newer versions.</summary>
    public const int MaxAgeDays = 365;

    public IReadOnlyList<string> Supported => SupportedOn(AsOf);

    public IReadOnlyList<string> SupportedOn(DateOnly day) => Versions.Where(v => Support(v.Version, day) == EksSupport.Standard).Select(v => v.Version).ToList();

    public EksSupport Support(string version) => Support(version, AsOf);

    public EksSupport Support(string version, DateOnly day)
    {
        if (Versions.FirstOrDefault(v => v.Version == version) is { } known)
        {
            return day < known.EndOfStandardSupport ? EksSupport.Standard : day < known.EndOfExtendedSupport ? EksSupport.Extended : EksSupport.Ended;
        }

        // Older than the oldest listed version: long out of support.
        return System.Version.TryParse(version, out var v) && Versions.Count > 0 && v < Versions.Min(x => System.Version.Parse(x.Version))
            ? EksSupport.Ended
            : EksSupport.NotListed;
    }

    public EksVersion? Find(string version) => Versions.FirstOrDefault(v => v.Version == version);

    public static EksVersions Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var date = (JsonElement e, string name) => DateOnly.ParseExact(e.GetProperty(name).GetString() ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new EksVersions(
            date(root, "asOf"),
            root.GetProperty("source").GetString() ?? "",
            root.GetProperty("versions").EnumerateArray()
                .Select(v => new EksVersion(v.GetProperty("version").GetString() ?? "", date(v, "released"), date(v, "endOfStandardSupport"), date(v, "endOfExtendedSupport")))
                .ToList());
    }

    private static EksVersions Load()
    {
        using var stream = typeof(EksVersions).Assembly.GetManifestResourceStream("Berth.Linting.eks-versions.json")
            ?? throw new InvalidOperationException("the embedded EKS version data is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
