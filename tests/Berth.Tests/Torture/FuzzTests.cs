using Berth.Linting;
using Berth.Linting.Hcl;
using Berth.Linting.Kubernetes;
using Berth.Linting.Terraform;
using Berth.Spec;
using Berth.Tests.Cli;
using Berth.Tests.Linting.Hcl;
using Berth.Tests.Support;

namespace Berth.Tests.Torture;

/// <summary>
/// Seeded fuzzing of every reader Berth has, beyond the HCL parser's own fuzz test: the HCL evaluator over mutated
/// Terraform, the berth.yaml loader, the Kubernetes reader and .berth-lint.yaml over mutated YAML, and the CLI over
/// mutated specs. Each input must give a result or diagnostics with positions inside the text — never an exception;
/// each family is bounded in time (a hang fails the test) and in memory (bytes allocated per input, measured on
/// the thread that does the work; the margins are generous).
/// </summary>
[Collection(TortureTests.Name)]
public sealed class FuzzTests
{
    private const int Seed = 20261201;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    /// <summary>Far above what any of these inputs needs (a few MB), far below what the bugs this guards against took (GBs).</summary>
    private const long MaxBytesPerInput = 256L << 20;

    private static async Task Within(Action work)
    {
        var run = Task.Run(work);
        (await Task.WhenAny(run, Task.Delay(Limit))).ShouldBe(run, $"the fuzz run did not finish within {Limit.TotalSeconds} s");
        await run;
    }

    private static void Bounded(string what, Action work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        work();
        var used = GC.GetAllocatedBytesForCurrentThread() - before;
        used.ShouldBeLessThan(MaxBytesPerInput, what);
    }

    private static List<string> Yaml(params string[] files) => files.Select(File.ReadAllText).ToList();

    [Fact]
    public async Task Mutated_terraform_parses_and_every_attribute_evaluates_without_exception()
    {
        var sources = HclCorpusTests.HclFiles().Select(File.ReadAllText).ToList();
        using var dir = new TempDir();
        var random = new Random(Seed);
        await Within(() =>
        {
            for (var i = 0; i < 600; i++)
            {
                var text = TortureInputs.MutateHcl(sources[random.Next(sources.Count)], random);
                Bounded(text.Length > 200 ? text[..200] : text, () =>
                {
                    var file = HclParser.Parse(Path.Combine(dir.Path, "fuzz.tf"), text);
                    var module = new ModuleInstance(dir.Path, dir.Path, dir.Path, "", "", 0, [file], new Dictionary<string, (HclExpr, HclScope)>(StringComparer.Ordinal), (_, block) => new ModuleCall("fuzz", block, [], "not expanded in this test"));
                    foreach (var attr in Attributes(file.Body))
                    {
                        _ = HclEvaluator.Evaluate(attr.Value, module.RootScope);
                    }
                });
            }
        });
    }

    [Fact]
    public async Task The_whole_lint_over_a_mutated_corpus_never_throws()
    {
        using var dir = new TempDir();
        foreach (var file in Directory.GetFiles(HclCorpusTests.CorpusRoot, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(dir.Path, Path.GetRelativePath(HclCorpusTests.CorpusRoot, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        var files = Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".tf", StringComparison.Ordinal) || f.EndsWith(".tfvars", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var originals = files.ToDictionary(f => f, File.ReadAllText);
        var random = new Random(Seed);
        await Within(() =>
        {
            for (var i = 0; i < 80; i++)
            {
                var victim = files[random.Next(files.Length)];
                var text = victim.EndsWith(".yaml", StringComparison.Ordinal) ? TortureInputs.MutateYaml(originals[victim], random) : TortureInputs.MutateHcl(originals[victim], random);
                File.WriteAllText(victim, text);
                var result = Linter.Run([dir.Path], new LintOptions { Today = new DateOnly(2026, 12, 1), BaseDirectory = dir.Path });
                result.Diagnostics.ShouldAllBe(d => d.Range.Line >= 1);
                File.WriteAllText(victim, originals[victim]);
            }
        });
    }

    [Fact]
    public async Task Mutated_specs_load_to_a_spec_or_errors_inside_the_text()
    {
        var sources = Yaml(Directory.GetFiles(RepoPaths.Examples, "*.yaml"));
        var random = new Random(Seed);
        await Within(() =>
        {
            for (var i = 0; i < 1500; i++)
            {
                var text = TortureInputs.MutateYaml(sources[random.Next(sources.Count)], random);
                Bounded(text, () =>
                {
                    var result = SpecLoader.Parse(text, "fuzz.yaml");
                    var lines = text.Split('\n').Length;
                    foreach (var e in result.Errors)
                    {
                        e.Location.Line.ShouldBeInRange(1, lines, e.ToString());
                        e.Location.Column.ShouldBeGreaterThanOrEqualTo(1, e.ToString());
                    }

                    (result.Spec is null).ShouldBe(result.Errors.Count > 0);
                });
            }
        });
    }

    [Fact]
    public async Task Mutated_manifests_and_lint_configs_are_read_or_reported_never_thrown()
    {
        var k8s = Directory.GetFiles(Path.Combine(HclCorpusTests.CorpusRoot, "eks-platform", "k8s"), "*.yaml").Order(StringComparer.Ordinal).ToArray();
        var sources = Yaml(k8s);
        var config = "disable: [BERTH-ECS-002, BERTH-K8S-001]\nminSeverity: medium\n";
        var random = new Random(Seed);
        await Within(() =>
        {
            for (var i = 0; i < 1500; i++)
            {
                var manifest = TortureInputs.MutateYaml(sources[random.Next(sources.Count)], random);
                Bounded(manifest, () =>
                {
                    var (objects, diagnostics) = KubeReader.Read("fuzz.yaml", manifest);
                    diagnostics.ShouldAllBe(d => d.Range.Line >= 1);
                    foreach (var o in objects)
                    {
                        o.Range.Line.ShouldBeGreaterThanOrEqualTo(1);
                    }
                });

                var settings = TortureInputs.MutateYaml(config, random);
                Bounded(settings, () => LintConfig.Parse(LintConfig.FileName, settings).Diagnostics.ShouldAllBe(d => d.Range.Line >= 1));
            }
        });
    }

    [Fact]
    public async Task Mutated_specs_through_the_cli_exit_0_or_2_never_3()
    {
        var sources = Yaml(Path.Combine(RepoPaths.Examples, "startup.yaml"));
        using var dir = new TempDir();
        var random = new Random(Seed);
        await Within(() =>
        {
            for (var i = 0; i < 150; i++)
            {
                File.WriteAllText(Path.Combine(dir.Path, "berth.yaml"), TortureInputs.MutateYaml(sources[0], random));
                foreach (var args in new[] { new[] { "validate", "berth.yaml" }, ["assess", "berth.yaml", "--format", "json"] })
                {
                    var result = CliRunner.Run(dir.Path, args);
                    result.ExitCode.ShouldBeOneOf([0, 2], result.Error);
                    result.Error.ShouldNotContain("internal error");
                }
            }
        });
    }

    private static IEnumerable<HclAttr> Attributes(HclBody body) =>
        body.Attributes.Concat(body.Blocks.SelectMany(b => Attributes(b.Body)));
}
