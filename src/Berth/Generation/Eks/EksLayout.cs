using Berth.Spec;

namespace Berth.Generation.Eks;

/// <summary>Where each service lives (the plan's <see cref="Namespaces"/>), and where the platform answers and syncs from.</summary>
public sealed record EksLayout(string Name, IReadOnlyList<string> Namespaces, IReadOnlyDictionary<string, string> NamespaceOf, string Domain, string GitRepo)
{
    public static EksLayout For(BerthSpec spec, string? domain, string? gitRepo)
    {
        var namespaces = Planning.Namespaces.For(spec);
        return new EksLayout(
            spec.Name,
            namespaces.All,
            namespaces.Of,
            domain ?? $"{spec.Name}.internal",
            gitRepo ?? $"https://git.example.com/{spec.Name}/platform.git");
    }

    /// <summary>True when every service's namespace comes from its <c>team:</c> key.</summary>
    public static bool AllTeamsNamed(BerthSpec spec) => spec.Services.All(s => s.Team is not null);

    /// <summary>A service needs AWS access (a Pod Identity role) when it reads secrets or an SQS queue.</summary>
    public static bool NeedsAws(ServiceSpec s) => s.Secrets.Count > 0 || s.EventSource?.Type == EventSourceType.Sqs;

    /// <summary>An HPA (or KEDA) owns the replica count.</summary>
    public static bool Autoscaled(ServiceSpec s) => s.Scaling is not null || s.EventSource is not null;
}
