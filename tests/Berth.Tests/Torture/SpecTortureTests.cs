using System.Globalization;
using System.Text;
using Berth.Spec;
using Berth.Tests.Cli;
using Berth.Tests.Support;

namespace Berth.Tests.Torture;

/// <summary>
/// Hostile berth.yaml files: each is exit 2 with a position and a reason — never a crash, an internal error or a hang.
/// The deep nesting runs in a child process, where a stack overflow would show as exit 134 rather than end the suite.
/// </summary>
[Collection(TortureTests.Name)]
public sealed class SpecTortureTests
{
    [Fact]
    public void Nesting_a_hundred_thousand_deep_is_exit_2_at_the_level_past_the_limit()
    {
        using var dir = new TempDir();
        dir.File("deep.yaml", "version: 1\nname: shop\nservices:\n  - name: api\nextra: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
        dir.File("deep-map.yaml", "version: 1\nname: shop\nservices:\n  - name: api\nextra: " + string.Concat(Enumerable.Repeat("{a: ", 100_000)) + "1" + new string('}', 100_000) + "\n");

        foreach (var file in new[] { "deep.yaml", "deep-map.yaml" })
        {
            var result = CliProcess.Run(dir.Path, TimeSpan.FromSeconds(120), 1L << 30, "assess", file);

            result.TimedOut.ShouldBeFalse();
            result.ExitCode.ShouldBe(2, result.Error);
            result.Error.ShouldStartWith($"{file}:5:");
            result.Error.ShouldContain($"is nested more than {SpecLoader.MaxDepth} levels deep");
        }
    }

    [Fact]
    public void Endless_devices_as_inputs_are_exit_2_within_a_small_heap()
    {
        using var dir = new TempDir();
        dir.File("berth.yaml", "version: 1\nname: shop\nservices:\n  - name: api\npricing:\n  catalog: /dev/zero\n");

        var spec = CliProcess.Run(dir.Path, TimeSpan.FromSeconds(60), 256L << 20, "validate", "/dev/urandom");
        var catalog = CliProcess.Run(dir.Path, TimeSpan.FromSeconds(60), 256L << 20, "cost", "berth.yaml");

        spec.ExitCode.ShouldBe(2, spec.Error);
        spec.Error.ShouldBe("/dev/urandom: error: is a character device, not a regular file; Berth reads only regular files\n");
        catalog.ExitCode.ShouldBe(2, catalog.Error);
        catalog.Error.ShouldContain("pricing.catalog: '/dev/zero' is a character device, not a regular file");
    }

    [Fact]
    public void A_three_megabyte_name_is_one_error_at_the_name()
    {
        var result = SpecLoader.Parse("version: 1\nname: " + new string('x', 3_000_000) + "\nservices:\n  - name: api\n", "big.yaml");

        result.Errors.Single().ToString().ShouldStartWith("big.yaml:2:7: error: name:");
    }

    [Fact]
    public void A_hundred_thousand_services_is_one_error_with_the_limit()
    {
        var yaml = new StringBuilder("version: 1\nname: many\nservices:\n");
        for (var i = 0; i < 100_000; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - name: s{i}\n");
        }

        var errors = SpecLoader.Parse(yaml.ToString(), "many.yaml").Errors;

        errors.Single().Message.ShouldStartWith($"services: 100000 services after count expansion; Berth plans platforms of at most {SpecLimits.MaxServices} services");
    }

    [Fact]
    public void Count_expansion_to_ten_thousand_services_and_ten_million_replicas_is_refused_by_every_command()
    {
        using var dir = new TempDir();
        var yaml = new StringBuilder("version: 1\nname: many\nservices:\n");
        for (var i = 0; i < 100; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ name: s{i}, count: 100, replicas: 1000 }}\n");
        }

        dir.File("berth.yaml", yaml.ToString());

        foreach (var command in new[] { "validate", "assess", "cost", "pack", "simulate" })
        {
            var result = SpecialFiles.RunWithin(TimeSpan.FromSeconds(60), dir.Path, command, "berth.yaml");

            result.ExitCode.ShouldBe(2, command + ": " + result.Error);
            result.Error.ShouldContain("10000 services after count expansion");
        }
    }
}
