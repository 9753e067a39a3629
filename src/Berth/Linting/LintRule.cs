using Berth.Linting.Kubernetes;
using Berth.Linting.Terraform;

namespace Berth.Linting;

/// <summary>What the rules look at: the evaluated Terraform resource instances and the Kubernetes objects.</summary>
public sealed record LintInput(IReadOnlyList<TerraformResource> Resources, IReadOnlyList<KubeObject> Objects)
{
    /// <summary>The module calls (read or not): a rule can see what a call asks for when the module is not read.</summary>
    public IReadOnlyList<ModuleCallSite> ModuleCalls { get; init; } = [];

    /// <summary>The date date-dependent rules judge by (support calendars); injected, the library reads no clock.</summary>
    public DateOnly Today { get; init; }

    private readonly ILookup<string, TerraformResource> _byType = Resources.Where(r => r.Mode == "resource").ToLookup(r => r.Type, StringComparer.Ordinal);

    public IEnumerable<TerraformResource> OfType(string type) => _byType[type];

    public IEnumerable<KubeObject> OfKind(string kind) => Objects.Where(o => o.Kind == kind);
}

/// <summary>
/// A lint rule: one sealed class per file under Rules/, found by reflection. Its metadata feeds the docs page
/// (docs/rules/ID.md), the README table and SARIF; its examples are its first test fixtures.
/// </summary>
public abstract class LintRule
{
    public abstract string Id { get; }

    public abstract Severity Severity { get; }

    /// <summary>One line, no trailing period.</summary>
    public abstract string Title { get; }

    /// <summary>What it checks, e.g. <c>aws_ecs_service</c> or <c>Deployment, StatefulSet</c>.</summary>
    public abstract string Resource { get; }

    /// <summary>Why it matters (a paragraph).</summary>
    public abstract string Why { get; }

    /// <summary>How to fix it (one or two sentences).</summary>
    public abstract string Fix { get; }

    public abstract RuleExample Failing { get; }

    public abstract RuleExample Passing { get; }

    public abstract IEnumerable<Finding> Check(LintInput input);

    /// <summary>
    /// False (most rules): the rule looks at one Terraform root module (with its modules) or at the Kubernetes objects
    /// at a time, so the linter runs it on each root in parallel. True (a <see cref="SpanningRule{TFacts}"/>): it
    /// correlates resources across roots.
    /// </summary>
    public virtual bool SpansRoots => false;

    /// <summary>A spanning rule's facts about one root (<see cref="SpanningRule{TFacts}.Gather"/>); null for any other rule.</summary>
    internal virtual object? GatherFacts(LintInput root) => null;

    /// <summary>A spanning rule's findings from every root's facts (in root order) and the Kubernetes objects.</summary>
    internal virtual IEnumerable<Finding> DecideFacts(IReadOnlyList<object?> facts, IReadOnlyList<KubeObject> objects) => [];

    protected Finding Report(TerraformResource resource, SourceRange at, string message) =>
        new(Id, Severity, resource.Address + ": " + message, at, resource.Address, resource.Range) { Root = resource.Module.RootDirectory };

    protected Finding Report(KubeObject obj, SourceRange at, string message) =>
        new(Id, Severity, obj.Kind + " " + obj.Name + ": " + message, at, obj.Address, obj.Range);

    /// <summary>A note: the rule's decisive value is unknown, so it says so instead of guessing (never failing).</summary>
    protected Finding Note(TerraformResource resource, SourceRange at, string message) =>
        new(Id, Severity.Note, resource.Address + ": " + message, at, resource.Address, resource.Range) { Root = resource.Module.RootDirectory };

    /// <summary>A note at an attribute whose value is unknown: "cannot tell QUESTION: why".</summary>
    protected Finding UnknownNote(TerraformResource resource, BlockView view, string attribute, string question) =>
        Note(resource, view.RangeOf(attribute), "cannot tell " + question + ": " + Unresolved.Describe(view, attribute));

    /// <summary>A note when a task definition's containers cannot be read; null when they can (or there are none).</summary>
    protected Finding? ContainersUnknown(TerraformResource task, string question) =>
        EcsContainers.Read(task) is null && task.View.Has("container_definitions") ? UnknownNote(task, task.View, "container_definitions", question) : null;

    /// <summary>A note when one key of a container is unknown.</summary>
    protected Finding UnknownKey(TerraformResource task, EcsContainer container, string key, string question) =>
        Note(task, container.RangeOf(key), "cannot tell " + question + " for container '" + container.Name + "': " + Unresolved.Describe(task.View, "container_definitions"));
}

/// <summary>
/// A rule that correlates resources across root modules (the cluster, its add-ons and its node groups often live in
/// different roots). The linter checks each root while its trees are in memory and lets them go, so such a rule
/// gathers what it needs from each root as plain facts (findings it may give included) and decides once from all of
/// them; on one input, <see cref="Check"/> is the same two steps.
/// </summary>
public abstract class SpanningRule<TFacts> : LintRule
{
    public sealed override bool SpansRoots => true;

    /// <summary>What the rule needs from one root: must not hold on to the root's resources (their trees).</summary>
    protected abstract TFacts Gather(LintInput root);

    /// <summary>The findings, from every root's facts (in root order) and the Kubernetes objects.</summary>
    protected abstract IEnumerable<Finding> Decide(IReadOnlyList<TFacts> roots, IReadOnlyList<KubeObject> objects);

    public sealed override IEnumerable<Finding> Check(LintInput input) => Decide([Gather(input)], input.Objects);

    internal sealed override object? GatherFacts(LintInput root) => Gather(root);

    internal sealed override IEnumerable<Finding> DecideFacts(IReadOnlyList<object?> facts, IReadOnlyList<KubeObject> objects) =>
        Decide(facts.Cast<TFacts>().ToList(), objects);
}

public static class RuleRegistry
{
    /// <summary>Every rule in this assembly, ordered by id.</summary>
    public static IReadOnlyList<LintRule> All { get; } = typeof(LintRule).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(LintRule)) && !t.IsAbstract)
        .Select(t => (LintRule)(Activator.CreateInstance(t) ?? throw new InvalidOperationException(t.Name)))
        .OrderBy(r => r.Id, StringComparer.Ordinal)
        .ToList();
}
