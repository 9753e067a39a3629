using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class ArgoSelfHealRuleTests : RuleTests<ArgoSelfHealRule>
{
    [Fact]
    public void An_application_set_with_automated_sync_but_no_prune_is_flagged()
    {
        var set = """
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: addons
            spec:
              generators:
                - clusters: {}
              template:
                metadata:
                  name: '{{name}}-addons'
                spec:
                  project: platform
                  source:
                    repoURL: https://example.com/addons.git
                    targetRevision: v1.2.0
                  destination:
                    server: '{{server}}'
                  syncPolicy:
                    automated:
                      selfHeal: true
            """;
        var finding = Lint(("appset.yaml", set)).ShouldHaveSingleItem();
        (finding.RuleId, finding.Range.Line, finding.Range.Column).ShouldBe(("BERTH-ARGO-001", 19, 9));
        finding.Message.ShouldBe("ApplicationSet addons: automated sync without prune");
    }
}
