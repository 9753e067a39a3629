using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Berth.Linting;
using Berth.Spec;

namespace Berth.Importing;

/// <summary>
/// Writes an imported platform as berth.yaml: each value read from the code with a <c># from file:line</c> comment,
/// what the code cannot say (demand, the team) as commented defaults, and the notes on what could not be read.
/// </summary>
public static partial class SpecText
{
    /// <param name="platform">What was read.</param>
    /// <param name="baseDirectory">Where the paths in the comments start.</param>
    /// <param name="fallbackName">The spec's name when the code names no cluster.</param>
    public static string Render(ImportedPlatform platform, string baseDirectory, string fallbackName)
    {
        var w = new Writer(baseDirectory);
        var platformName = platform.Platform == RunningPlatform.EcsFargate ? "ECS on Fargate" : "EKS";
        w.Line("# Imported by `berth import`: the platform this team runs now is " + platformName + " ("
            + Count(platform.Services.Count, "service") + ").");
        w.Line("# Values followed by \"# from\" were read from the code. Commented keys are assumptions the code cannot");
        w.Line("# tell (Berth's defaults shown): set them before trusting berth assess. Notes at the end list what was not read.");
        w.Line("version: 1");
        w.Value(0, "name", Scalar(platform.Name?.Value ?? Names.Berth(fallbackName, 40)), platform.Name?.From);
        if (platform.Region is { } region)
        {
            w.Value(0, "region", region.Value, region.From);
        }
        else
        {
            w.Line("# region: " + KnownRegions.Default + "   # assumed: no AWS provider region was found");
        }

        if (platform.Environment is { } env)
        {
            w.Value(0, "environment", env.Value.ToString().ToLowerInvariant(), env.From);
        }

        CurrentPlatform(w, platform);

        w.Line();
        w.Line("# Not in the code: the team that builds and runs the platform (Berth's defaults shown).");
        // Berth's team defaults, as their one declaration (SpecKeys.Team) gives them.
        var expertise = SpecKeys.Team.KubernetesExpertise;
        var engineers = $"engineers: {Int(SpecKeys.Team.Engineers.Value)}";
        var kubernetesExpertise = $"{expertise.Name}: {expertise.Names.NameOf(expertise.Value)}".PadRight(35) + "# " + string.Join(", ", expertise.Names.Canonical.SkipLast(1)) + " or " + expertise.Names.Canonical[^1];
        var timelineMonths = $"timelineMonths: {Int(SpecKeys.Team.TimelineMonths.Value)}";
        var hourlyRateUsd = $"hourlyRateUsd: {SpecKeys.Team.HourlyRateUsd.Value.ToString(CultureInfo.InvariantCulture)}";
        if (platform.OwningTeams is { } teams)
        {
            w.Line("team:");
            w.Line("  # " + engineers);
            w.Line("  # " + kubernetesExpertise);
            w.Value(2, "owningTeams", Int(teams.Value), teams.From);
            w.Line("  # " + timelineMonths);
            w.Line("  # " + hourlyRateUsd);
        }
        else
        {
            w.Line("# team:");
            w.Line("#   " + engineers);
            w.Line("#   " + kubernetesExpertise);
            w.Line($"#   owningTeams: {Int(SpecKeys.Team.OwningTeams.Value)}");
            w.Line("#   " + timelineMonths);
            w.Line("#   " + hourlyRateUsd);
        }

        if (platform.Requirements.Count > 0)
        {
            w.Line();
            w.Line("requirements:");
            foreach (var (key, value, from) in platform.Requirements)
            {
                w.Value(2, key, value, from);
            }
        }

        w.Line();
        w.Line("services:");
        foreach (var s in platform.Services)
        {
            Service(w, s);
        }

        if (platform.CapacityProviderStrategy is { Count: > 0 } strategy)
        {
            w.Line();
            w.Line("ecs:");
            w.Line("  capacityProviderStrategy:" + w.From(platform.CapacityProviderStrategyFrom));
            foreach (var item in strategy)
            {
                w.Line(string.Create(CultureInfo.InvariantCulture, $"    - {{ provider: {item.Provider}, base: {item.Base}, weight: {item.Weight} }}"));
            }
        }

        if (platform.Clients.Count > 0)
        {
            w.Line();
            w.Line("clients: [" + string.Join(", ", platform.Clients.Select(Scalar)) + "]" + w.From(platform.ClientsFrom));
        }

        Eks(w, platform);

        if (platform.Notes.Count > 0)
        {
            w.Line();
            w.Line("# Not read (set these yourself if they matter):");
            foreach (var note in platform.Notes.Select(n => (n.At is { } at ? w.Path(at) + ": " : "") + n.Message).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                w.Line("# - " + note.Replace('\n', ' '));
            }
        }

        return w.ToString();
    }

    /// <summary>What the team runs today, so berth assess and report can say what moving would change.</summary>
    private static void CurrentPlatform(Writer w, ImportedPlatform p)
    {
        const string Why = "   # what this team runs now: berth assess says what moving would change";
        if (p.Platform == RunningPlatform.EcsFargate)
        {
            w.Line("currentPlatform: ecs-fargate" + (p.Services.Count > 0 ? w.From(p.Services[0].From) : Why));
        }
        else if (p.Karpenter is { } k)
        {
            w.Line("currentPlatform: eks-karpenter" + (k.From is { } at ? w.From(at) : Why));
        }
        else if (p.NodeGroups.Count > 0)
        {
            w.Line("currentPlatform: eks-nodegroups" + (p.NodeGroups[0].From is { } at ? w.From(at) : Why));
        }
        else if (p.FargateProfile is { } profile)
        {
            w.Line("currentPlatform: eks-fargate" + w.From(profile));
        }
        else
        {
            w.Line("currentPlatform: eks                   # no NodePool, node group or Fargate profile found: set eks-karpenter, eks-nodegroups or eks-fargate");
        }
    }

    private static void Service(Writer w, ImportedService s)
    {
        w.Line("  - name: " + Scalar(s.Name) + w.From(s.From));
        if (s.Team is { } team)
        {
            w.Value(4, "team", Scalar(team.Value), team.From);
        }

        if (s.Type is { } type)
        {
            w.Value(4, "type", type.Value.ToString().ToLowerInvariant(), type.From);
        }

        if (s.Cpu is { } cpu)
        {
            w.Value(4, "cpu", cpu.Value.ToString(), cpu.From);
        }

        if (s.Memory is { } memory)
        {
            w.Value(4, "memory", memory.Value.ToString(), memory.From);
        }

        if (s.Scaling is { } scaling)
        {
            w.Line("    scaling:");
            w.Value(6, "min", Int(scaling.Min.Value), scaling.Min.From);
            w.Value(6, "max", Int(Math.Max(1, Math.Max(scaling.Min.Value, scaling.Max.Value))), scaling.Max.From);
            Optional(w, 6, "cpuTarget", scaling.CpuTarget, "70");
            Optional(w, 6, "memoryTarget", scaling.MemoryTarget, "75");
        }
        else if (s.Replicas is { } replicas)
        {
            w.Value(4, "replicas", Int(replicas.Value), replicas.From);
        }

        if (s.Spot is { Value: true } spot)
        {
            w.Value(4, "spot", "true", spot.From);
        }

        if (s.Arch is { Value: CpuArch.Arm64 } arch)
        {
            w.Value(4, "arch", "arm64", arch.From);
        }

        if (s.Gpu is { } gpu)
        {
            w.Value(4, "gpu", Int(gpu.Value), gpu.From);
            if (s.GpuType is { } gpuType)
            {
                w.Value(4, "gpuType", Scalar(gpuType.Value), gpuType.From);
            }
        }

        if (s.Storage is { } storage)
        {
            w.Value(4, "storage", storage.Value.ToString(), storage.From);
        }

        if (s.Port is { } port)
        {
            w.Value(4, "port", Int(port.Value), port.From);
        }

        if (s.HealthCheck is { } health)
        {
            w.Value(4, "healthCheck", Scalar(health.Value), health.From);
        }

        if (s.GracefulShutdown is { } graceful)
        {
            w.Value(4, "gracefulShutdown", graceful.Value ? "true" : "false", graceful.From);
        }

        if (s.Secrets.Count > 0)
        {
            w.Line("    secrets:");
            foreach (var (env, secret) in s.Secrets)
            {
                w.Value(6, Scalar(env), Scalar(secret.Value), secret.From);
            }
        }

        if (s.EventSource is { } source)
        {
            w.Line(string.Create(CultureInfo.InvariantCulture, $"    eventSource: {{ type: {source.Type.ToString().ToLowerInvariant()}, name: {Scalar(source.Name)}, targetPerReplica: {source.TargetPerReplica} }}") + w.From(source.From));
        }

        w.Line("    # demand: flat                       # assumed: the code has no demand shape (business-hours, nightly-batch, spiky, 24 or 168 values)");
    }

    private static void Eks(Writer w, ImportedPlatform p)
    {
        if (p.EksVersion is null && p.SupportTier is null && p.NodeGroups.Count == 0 && p.Karpenter is null && p.DaemonSetOverhead is null)
        {
            return;
        }

        w.Line();
        w.Line("eks:");
        if (p.EksVersion is { } version)
        {
            w.Value(2, "version", "\"" + version.Value + "\"", version.From);
        }

        if (p.SupportTier is { } tier)
        {
            w.Value(2, "supportTier", tier.Value.ToString().ToLowerInvariant(), tier.From);
        }

        if (p.NodeGroups.Count > 0)
        {
            w.Line("  nodeGroups:");
            foreach (var g in p.NodeGroups)
            {
                w.Line(string.Create(CultureInfo.InvariantCulture, $"    - {{ name: {Scalar(g.Name)}, instanceType: {Scalar(g.InstanceType)}, count: {g.Count}, capacityType: {(g.CapacityType == CapacityType.Spot ? "spot" : "on-demand")} }}") + w.From(g.From));
            }
        }

        if (p.Karpenter is { } k)
        {
            w.Line("  karpenter:" + w.From(k.From));
            w.Line("    enabled: true");
            if (k.InstanceCategories.Count > 0)
            {
                w.Line("    instanceCategories: [" + string.Join(", ", k.InstanceCategories.Select(Scalar)) + "]");
            }

            if (k.InstanceCpu.Count > 0)
            {
                w.Line("    instanceCpu: [" + string.Join(", ", k.InstanceCpu.Select(Int)) + "]");
            }

            if (k.InstanceFamilies.Count > 0)
            {
                w.Line("    instanceFamilies: [" + string.Join(", ", k.InstanceFamilies.Select(Scalar)) + "]");
            }

            if (k.CapacityTypes.Count > 0)
            {
                w.Line("    capacityTypes: [" + string.Join(", ", k.CapacityTypes.Select(c => c == CapacityType.Spot ? "spot" : "on-demand")) + "]");
            }

            if (k.Arch.Count > 0)
            {
                w.Line("    arch: [" + string.Join(", ", k.Arch.Select(a => a == CpuArch.Arm64 ? "arm64" : "amd64")) + "]");
            }

            if (k.Consolidation is { } c)
            {
                w.Line("    consolidation: " + c);
            }
        }
        else if (p.NodeGroups.Count > 0)
        {
            w.Line("  karpenter:");
            w.Line("    enabled: false                     # no Karpenter NodePool found");
        }

        if (p.DaemonSetOverhead is { } overhead)
        {
            w.Line("  daemonSetOverhead: { cpu: " + overhead.Value.Cpu + ", memory: " + overhead.Value.Memory + " }" + w.From(overhead.From));
        }
    }

    private static void Optional(Writer w, int indent, string key, Sourced<int>? value, string fallback)
    {
        if (value is { } v)
        {
            w.Value(indent, key, Int(v.Value), v.From);
        }
        else
        {
            w.Line(new string(' ', indent) + "# " + key + ": " + fallback + "   # assumed: no such policy found");
        }
    }

    private static string Count(int n, string what) => Int(n) + " " + what + (n == 1 ? "" : "s");

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A YAML scalar: plain when it cannot be read as anything but a string, double-quoted otherwise.</summary>
    internal static string Scalar(string s) =>
        PlainSafe().IsMatch(s) && !Reserved().IsMatch(s)
            ? s
            : "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"^[A-Za-z/_][A-Za-z0-9/_.\-]*$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex(@"^(?i:true|false|yes|no|on|off|y|n|null|~)$")]
    private static partial Regex Reserved();

    private sealed class Writer(string baseDirectory)
    {
        private readonly StringBuilder _sb = new();

        public void Line(string text = "") => _sb.Append(text).Append('\n');

        public void Value(int indent, string key, string value, SourceRange? from) =>
            Line(new string(' ', indent) + key + ": " + value + From(from));

        public string From(SourceRange? at) => at is { } r ? "  # from " + Path(r) : "";

        public string Path(SourceRange r) => Provenance.Shown(r.File, baseDirectory) + ":" + r.Line.ToString(CultureInfo.InvariantCulture);

        public override string ToString() => _sb.ToString();
    }
}
