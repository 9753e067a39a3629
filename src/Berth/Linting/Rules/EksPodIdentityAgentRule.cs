using Berth.Linting.Hcl;
using Berth.Linting.Kubernetes;

namespace Berth.Linting.Rules;

public sealed class EksPodIdentityAgentRule : SpanningRule<EksPodIdentityAgentRule.Facts>
{
    public override string Id => "BERTH-EKS-007";

    public override Severity Severity => Severity.High;

    public override string Title => "Pod Identity associations without the eks-pod-identity-agent add-on";

    public override string Resource => "aws_eks_pod_identity_association";

    public override string Why => "A Pod Identity association only works when the eks-pod-identity-agent runs on the nodes. Without the add-on the pods silently fall back to the node role (or get no credentials), and the failure shows up as AccessDenied in the application.";

    public override string Fix => "Add `resource \"aws_eks_addon\" \"pod_identity\" { addon_name = \"eks-pod-identity-agent\" … }` to the cluster.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_eks_pod_identity_association" "api" {
          cluster_name    = "main"
          namespace       = "shop"
          service_account = "api"
          role_arn        = "arn:aws:iam::123456789012:role/api"
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_eks_addon" "pod_identity" {
          cluster_name  = "main"
          addon_name    = "eks-pod-identity-agent"
          addon_version = "v1.3.7-eksbuild.2"
        }

        resource "aws_eks_pod_identity_association" "api" {
          cluster_name    = "main"
          namespace       = "shop"
          service_account = "api"
          role_arn        = "arn:aws:iam::123456789012:role/api"
        }
        """);

    /// <summary>One root: whether it installs the agent (or may: an unknown add-on name or map), and the findings its
    /// associations give when no root does. The cluster, its add-ons and the associations often live in different roots.</summary>
    public sealed record Facts(bool Agent, IReadOnlyList<Finding> Associations);

    protected override Facts Gather(LintInput root)
    {
        var names = root.OfType("aws_eks_addon").Select(a => a.View.Get("addon_name")).ToList();

        // An EKS module asked for the add-on in its add-on map (cluster_addons / addons = { eks-pod-identity-agent = {} }),
        // whether or not Berth could read the module; an add-on map it cannot evaluate may hold it too.
        if (names.Any(n => n is "eks-pod-identity-agent" || HclValue.IsUnknown(n))
            || root.ModuleCalls.Any(c => c.View.Body.Attributes.Any(a => a.Name.Contains("addons", StringComparison.Ordinal) && AsksForAgent(c.View.Get(a.Name)))))
        {
            return new Facts(true, []);
        }

        return new Facts(false, root.OfType("aws_eks_pod_identity_association")
            .Select(association => Report(association, association.Range, "no aws_eks_addon installs eks-pod-identity-agent: this association has no effect")).ToList());
    }

    protected override IEnumerable<Finding> Decide(IReadOnlyList<Facts> roots, IReadOnlyList<KubeObject> objects) =>
        roots.Any(r => r.Agent) ? [] : roots.SelectMany(r => r.Associations);

    private static bool AsksForAgent(object? value) => value switch
    {
        Unknown or EvalError => true,
        HclDictionary m => m.ContainsKey("eks-pod-identity-agent") || m.Values.Any(v => v is "eks-pod-identity-agent" || (v is HclDictionary inner && inner.GetOrNull("name") is "eks-pod-identity-agent")),
        IReadOnlyList<object?> l => l.Any(v => v is "eks-pod-identity-agent" || (v is HclDictionary inner && (inner.GetOrNull("name") ?? inner.GetOrNull("addon_name")) is "eks-pod-identity-agent")),
        _ => false,
    };
}
