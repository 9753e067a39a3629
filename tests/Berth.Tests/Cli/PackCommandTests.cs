using System.Text.Json;

namespace Berth.Tests.Cli;

public sealed class PackCommandTests
{
    [Theory]
    [InlineData("karpenter")]
    [InlineData("berth")]
    public void Json_follows_the_contract(string mode)
    {
        var result = CliRunner.InRepo("pack", "examples/platform.yaml", "--mode", mode, "--format", "json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var doc = JsonDocument.Parse(result.Out);
        var root = doc.RootElement;
        root.GetProperty("mode").GetString().ShouldBe(mode);
        var nodes = root.GetProperty("nodes").EnumerateArray().ToArray();
        nodes.ShouldNotBeEmpty();
        var pods = 0;
        foreach (var n in nodes)
        {
            n.GetProperty("instanceType").GetString().ShouldNotBeNullOrEmpty();
            n.GetProperty("capacityType").GetString().ShouldBeOneOf("spot", "on-demand");
            n.GetProperty("hourlyUsd").GetDecimal().ShouldBeGreaterThan(0);
            foreach (var p in n.GetProperty("pods").EnumerateArray())
            {
                p.GetProperty("service").GetString().ShouldNotBeNullOrEmpty();
                p.GetProperty("cpuMillicores").GetInt64().ShouldBeGreaterThan(0);
                p.GetProperty("memoryMiB").GetInt64().ShouldBeGreaterThan(0);
                pods++;
            }
        }

        pods.ShouldBe(214); // the platform's peak hour: every replica of every service
        root.GetProperty("hourlyUsd").GetDecimal().ShouldBe(nodes.Sum(n => n.GetProperty("hourlyUsd").GetDecimal()));
        root.GetProperty("lowerBoundHourlyUsd").GetDecimal().ShouldBeLessThanOrEqualTo(root.GetProperty("hourlyUsd").GetDecimal());
    }

    [Fact]
    public void Berth_mode_is_never_dearer_and_the_text_view_names_both()
    {
        var karpenter = JsonDocument.Parse(CliRunner.InRepo("pack", "examples/platform.yaml", "--format", "json").Out).RootElement.GetProperty("hourlyUsd").GetDecimal();
        var berth = JsonDocument.Parse(CliRunner.InRepo("pack", "examples/platform.yaml", "--mode", "berth", "--format", "json").Out).RootElement.GetProperty("hourlyUsd").GetDecimal();
        var text = CliRunner.InRepo("pack", "examples/startup.yaml", "--hour", "3");

        berth.ShouldBeLessThanOrEqualTo(karpenter);
        text.ExitCode.ShouldBe(0, text.Error);
        text.Out.ShouldContain("Karpenter mode $");
        text.Out.ShouldContain("Lower bound $");
    }

    [Theory]
    [InlineData("--hour", "168")]
    [InlineData("--mode", "fast")]
    public void Bad_options_exit_2(string option, string value) =>
        CliRunner.InRepo("pack", "examples/startup.yaml", option, value).ExitCode.ShouldBe(2);
}
