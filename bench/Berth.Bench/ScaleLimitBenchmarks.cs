using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Berth.Cli;
using Berth.Spec;

namespace Berth.Bench;

/// <summary>
/// Issue 16: the largest platform Berth plans (<see cref="SpecLimits"/>: 500 services, 10,000 replicas at peak), run
/// through the commands as a user runs them. Below the limit assess, cost, pack and simulate must finish in seconds.
/// </summary>
[MemoryDiagnoser]
public class ScaleLimitBenchmarks
{
    private string _folder = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "berth-scale-limit-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "berth.yaml"), AtTheLimit());
        if (Run("validate") != 0)
        {
            throw new InvalidOperationException("the spec at the limit does not validate");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public int Assess() => Run("assess");

    [Benchmark]
    public int Cost() => Run("cost");

    [Benchmark]
    public int Pack() => Run("pack");

    [Benchmark]
    public int SimulateSevenDays() => Run("simulate", "--days", "7");

    private int Run(params string[] command) =>
        BerthApp.Run([command[0], "berth.yaml", .. command[1..]], TextWriter.Null, TextWriter.Null, workingDirectory: _folder);

    /// <summary>500 services of mixed sizes and demand shapes, each scaling to 20 replicas: 10,000 at peak, with
    /// Karpenter on and half the services on Spot.</summary>
    public static string AtTheLimit()
    {
        string[] cpu = ["250m", "500m", "1", "2"];
        string[] memory = ["512Mi", "1Gi", "2Gi", "4Gi"];
        string[] demand = ["flat", "business-hours", "nightly-batch", "spiky"];
        var perService = SpecLimits.MaxPeakReplicas / SpecLimits.MaxServices;
        var yaml = new StringBuilder("version: 1\nname: scale-limit\nregion: us-east-1\neks:\n  karpenter:\n    enabled: true\nservices:\n");
        for (var i = 0; i < SpecLimits.MaxServices; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture,
                $"  - {{ name: svc-{i}, cpu: {cpu[i % 4]}, memory: {memory[i / 4 % 4]}, scaling: {{ min: 1, max: {perService} }}, demand: {demand[i / 16 % 4]}, spot: {(i % 2 == 0 ? "true" : "false")} }}\n");
        }

        return yaml.ToString();
    }
}
