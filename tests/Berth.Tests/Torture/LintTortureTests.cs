using Berth.Linting;
using Berth.Tests.Cli;
using Berth.Tests.Support;

namespace Berth.Tests.Torture;

/// <summary>
/// Issue 16's hostile lint inputs: each ends as a warning naming the place and the limit (README, Limits), with the
/// rest of the folder linted — never a crash, an internal error or a hang. Inputs that used to overflow the stack or
/// exhaust memory run in a child process (a stack overflow would take the test host down with it), under a time
/// limit and a 1 GiB GC heap limit; the others run in-process.
/// </summary>
[Collection(TortureTests.Name)]
public sealed class LintTortureTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);
    private const long Heap = 1L << 30;

    private static ProcessResult Lint(TempDir dir) => CliProcess.Run(dir.Path, Limit, Heap, "lint", ".");

    private static void ShouldEndWell(ProcessResult result)
    {
        result.TimedOut.ShouldBeFalse("berth lint did not finish in time");
        result.ExitCode.ShouldBeInRange(0, 1, result.Error);
        result.Error.ShouldNotContain("internal error");
    }

    [Fact]
    public void Long_chains_of_operators_and_steps_are_notes_not_stack_overflows()
    {
        using var dir = new TempDir();
        dir.File("binary.tf", TortureInputs.BinaryChain(50_000));
        dir.File("index.tf", TortureInputs.IndexChain(100_000).Replace("svc", "idx", StringComparison.Ordinal));
        dir.File("attribute.tf", TortureInputs.AttributeChain(200_000).Replace("svc", "att", StringComparison.Ordinal));
        dir.File("template.tf", TortureInputs.NestedTemplates(50_000).Replace("svc", "tpl", StringComparison.Ordinal));

        var result = Lint(dir);

        ShouldEndWell(result);
        foreach (var file in new[] { "binary.tf:2:", "index.tf:3:", "attribute.tf:3:", "template.tf:2:" })
        {
            result.Error.ShouldContain(file);
        }

        result.Error.ShouldContain($"expression nested too deeply (more than {LintLimits.MaxExpressionDepth} levels of nesting, operators or steps)");
    }

    [Fact]
    public void A_chain_of_twenty_thousand_locals_is_a_note_on_the_local_where_the_budget_ran_out()
    {
        using var dir = new TempDir();
        dir.File("main.tf", TortureInputs.ChainedLocals(20_000));

        var result = Lint(dir);

        ShouldEndWell(result);
        result.Error.ShouldContain($"evaluating this goes deeper than {LintLimits.MaxEvaluationDepth} levels");
    }

    [Fact]
    public void Values_that_would_explode_are_notes_not_gigabytes()
    {
        using var dir = new TempDir();
        dir.File("join.tf", TortureInputs.ExplodingJoin(12));
        dir.File("double.tf", TortureInputs.DoublingList(40).Replace("svc", "dbl", StringComparison.Ordinal));

        var result = Lint(dir);

        ShouldEndWell(result);
        result.Error.ShouldContain("join.tf:");
        result.Error.ShouldContain("characters; it is treated as unknown");
        result.Error.ShouldContain("double.tf:");
        result.Error.ShouldContain("elements (repeats counted); it is treated as unknown");
    }

    [Fact]
    public void Yaml_nested_a_hundred_thousand_deep_is_one_warning_for_a_manifest_and_for_the_config()
    {
        using var dir = new TempDir();
        dir.File("deep.yaml", TortureInputs.DeepKubernetesYaml(100_000));
        dir.File("block.yaml", TortureInputs.DeepBlockYaml(3_000));
        dir.File(LintConfig.FileName, "disable: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
        dir.File("main.tf", "resource \"aws_ecs_service\" \"api\" {\n  name                   = \"api\"\n  enable_execute_command = true\n}\n");

        var result = Lint(dir);

        ShouldEndWell(result);
        result.Error.ShouldContain($"deep.yaml:6:{LintLimits.MaxYamlDepth + 4}: nested more than {LintLimits.MaxYamlDepth} levels deep; Berth reads YAML at most {LintLimits.MaxYamlDepth} levels deep; the file is not linted");
        result.Error.ShouldContain("block.yaml:");
        result.Error.ShouldContain(LintConfig.FileName + ":1:");
        result.Out.ShouldContain("main.tf");
    }

    [Fact]
    public void Modules_that_call_themselves_or_each_other_are_named_as_a_cycle()
    {
        using var dir = new TempDir();
        dir.File("main.tf", "module \"self\" {\n  source = \"./\"\n  count  = 100\n}\n\nmodule \"a\" {\n  source = \"./a\"\n}\n");
        Directory.CreateDirectory(Path.Combine(dir.Path, "a"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "b"));
        File.WriteAllText(Path.Combine(dir.Path, "a", "main.tf"), "module \"b\" {\n  source = \"../b\"\n  count  = 50\n}\n");
        File.WriteAllText(Path.Combine(dir.Path, "b", "main.tf"), "module \"a\" {\n  source = \"../a\"\n  count  = 50\n}\n");

        var result = Lint(dir);

        ShouldEndWell(result);
        result.Error.ShouldContain("main.tf:2:3: module source cycle: . → .; module.self is not expanded");
        result.Error.ShouldContain("module source cycle: a → b → a; module.a is not expanded");
    }

    [Fact]
    public async Task A_for_each_over_two_hundred_thousand_names_is_linear()
    {
        using var dir = new TempDir();
        dir.File("main.tf", TortureInputs.LargeForEach(200_000));

        var run = Task.Run(() => CliRunner.Run(dir.Path, "lint", "."));
        (await Task.WhenAny(run, Task.Delay(Limit))).ShouldBe(run, "the lint did not finish in time");

        var result = await run;
        result.ExitCode.ShouldBe(1, result.Error);
        result.Out.ShouldContain("aws_ecs_service.svc[\"n0\"]");
    }

    [Fact]
    public void Links_back_to_the_folder_are_followed_once_and_a_finding_is_reported_once()
    {
        using var dir = new TempDir();
        dir.File("main.tf", "resource \"aws_ecs_service\" \"api\" {\n  name                   = \"api\"\n  enable_execute_command = true\n}\n");
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "again"), ".");
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "once-more"), dir.Path);

        var result = CliRunner.Run(dir.Path, "lint", ".", "--format", "json");

        result.ExitCode.ShouldBe(1, result.Error);
        System.Text.RegularExpressions.Regex.Count(result.Out, "BERTH-ECS-002").ShouldBe(1, result.Out);
    }
}

/// <summary>The torture tests run on their own: they measure memory and time, and use both cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TortureTests
{
    public const string Name = "torture";
}
