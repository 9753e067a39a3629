using System.Text.RegularExpressions;
using System.Xml.Linq;
using YamlDotNet.RepresentationModel;

namespace Berth.Tests.Cli;

/// <summary>Where Berth meets a team's pipeline: <c>--version</c>, the pre-commit hooks, the tool package.</summary>
public sealed class PipelineTests
{
    private static string Props(string name) =>
        XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Build.props")).Descendants(name).Single().Value;

    [Fact]
    public void Version_prints_the_package_version()
    {
        var result = CliRunner.InRepo("--version");
        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.Trim().ShouldBe(Props("Version"));
    }

    [Fact]
    public void The_tool_installs_as_Berth_with_the_command_berth()
    {
        var project = XDocument.Load(Path.Combine(RepoPaths.Root, "src", "Berth.Cli", "Berth.Cli.csproj"));
        project.Descendants("PackageId").Single().Value.ShouldBe("Berth");
        project.Descendants("ToolCommandName").Single().Value.ShouldBe("berth");
        project.Descendants("PackAsTool").Single().Value.ShouldBe("true");
    }

    [Fact]
    public void The_pre_commit_hooks_are_in_pre_commits_format_and_run_berth_commands_that_exist()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepoPaths.Root, ".pre-commit-hooks.yaml")))
        {
            yaml.Load(reader);
        }

        // pre-commit's manifest: a list of hooks, each with id, name, entry and language (pre-commit clientlib.py MANIFEST_HOOK_DICT).
        var hooks = ((YamlSequenceNode)yaml.Documents.Single().RootNode).Children.Cast<YamlMappingNode>().ToArray();
        hooks.Select(h => ((YamlScalarNode)h["id"]).Value).ShouldBe(["berth-lint", "berth-validate"]);
        foreach (var hook in hooks)
        {
            string Get(string key) => ((YamlScalarNode)hook[key]).Value!;
            Get("name").ShouldNotBeNullOrWhiteSpace();
            Get("language").ShouldBe("dotnet");
            var entry = Get("entry").Split(' ');
            entry[0].ShouldBe("berth");

            // The entry's subcommand exists and takes paths.
            CliRunner.InRepo(entry[1], "--help").ExitCode.ShouldBe(0, Get("id"));
            _ = new Regex(Get("files"), RegexOptions.None, TimeSpan.FromSeconds(1));
        }

        var files = (string id) => new Regex(((YamlScalarNode)hooks.Single(h => ((YamlScalarNode)h["id"]).Value == id)["files"]).Value!, RegexOptions.None, TimeSpan.FromSeconds(1));
        files("berth-lint").IsMatch("infra/ecs/main.tf").ShouldBeTrue();
        files("berth-lint").IsMatch("k8s/api/deployment.yaml").ShouldBeTrue();
        files("berth-lint").IsMatch("README.md").ShouldBeFalse();
        files("berth-validate").IsMatch("berth.yaml").ShouldBeTrue();
        files("berth-validate").IsMatch("platform/berth.yml").ShouldBeTrue();
        files("berth-validate").IsMatch("k8s/deployment.yaml").ShouldBeFalse();
    }

    [Fact]
    public void Validate_checks_every_file_pre_commit_passes_and_fails_if_any_is_bad()
    {
        using var dir = new TempDir();
        dir.File("good.yaml", "version: 1\nname: a\nregion: us-east-1\nservices:\n  - { name: api, cpu: 1, memory: 2Gi }\n");
        dir.File("bad.yaml", "version: 1\nname: b\nregion: us-east-1\nservices:\n  - { name: api, cpu: 1, memory: 2Gi, replicaz: 2 }\n");
        var result = CliRunner.Run(dir.Path, "validate", "good.yaml", "bad.yaml");
        result.ExitCode.ShouldBe(2);
        result.Out.ShouldContain("good.yaml: valid");
        result.Error.ShouldContain("bad.yaml:5:");
    }
}
