namespace Berth.Linting;

/// <summary>
/// The bounds of a lint run, in one place (README, "Limits"): beyond them Berth says so — a diagnostic naming the
/// file, or a note on the expression — and goes on with the rest, rather than exhausting memory or the stack.
/// </summary>
public static class LintLimits
{
    /// <summary>The largest .tf, .tfvars, Kubernetes .yaml or file() target read: parsing costs tens of times the
    /// file's size in memory, and hand-written or generated platform code stays far below this.</summary>
    public const long MaxFileBytes = 8 * Files.InputFile.MiB;

    /// <summary>The deepest HCL syntax tree: brackets, calls and templates nested, plus one level per operator of a
    /// chain (<c>a + b + c</c>) and per attribute or index step (<c>a.b[0].c</c>). Real code stays under 30.</summary>
    public const int MaxExpressionDepth = 200;

    /// <summary>How deep one evaluation may go through expressions, locals, variables and module inputs (a chain of
    /// 20,000 locals, each naming the previous one, would otherwise exhaust the stack).</summary>
    public const int MaxEvaluationDepth = 1_000;

    /// <summary>The largest value the evaluator builds: elements of lists and objects, counted as often as they are
    /// repeated (so a value built by doubling a list thirty times counts its billion elements).</summary>
    public const long MaxValueElements = 1_000_000;

    /// <summary>The most characters of strings in one value (a join or replace that would build gigabytes).</summary>
    public const long MaxValueCharacters = 16_000_000;

    /// <summary>Instances of one resource or module block made by count or for_each (Terraform has no such limit;
    /// the rules look at each instance, and what holds for 256 holds for more).</summary>
    public const int MaxInstancesPerBlock = 256;

    /// <summary>Local modules calling local modules.</summary>
    public const int MaxModuleDepth = 8;

    /// <summary>Module instances under one root module, counting every count/for_each copy at every level.</summary>
    public const int MaxModuleInstances = 1_000;

    /// <summary>Nesting of a Kubernetes YAML file or .berth-lint.yaml (manifests and CRD schemas stay under 40), and the
    /// YAML nodes a file may expand to through aliases.</summary>
    public const int MaxYamlDepth = 100;

    public const long MaxYamlNodes = 1_000_000;
}
