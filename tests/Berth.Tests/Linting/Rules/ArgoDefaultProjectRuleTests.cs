using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class ArgoDefaultProjectRuleTests : RuleTests<ArgoDefaultProjectRule>
{
    [Fact]
    public void An_application_set_template_is_checked_as_the_applications_it_makes()
    {
        // The shape of Argo CD's example ApplicationSets: a list generator, the Application template in default.
        var set = """
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: guestbook
              namespace: argocd
            spec:
              generators:
                - list:
                    elements:
                      - cluster: engineering-dev
                        url: https://1.2.3.4
              template:
                metadata:
                  name: '{{cluster}}-guestbook'
                spec:
                  project: default
                  source:
                    repoURL: https://github.com/argoproj/argo-cd.git
                    targetRevision: v2.4.0
                    path: applicationset/examples/list-generator/guestbook/{{cluster}}
                  destination:
                    server: '{{url}}'
                    namespace: guestbook
            """;
        var finding = Lint(("appset.yaml", set)).ShouldHaveSingleItem();
        (finding.RuleId, finding.Range.Line, finding.Range.Column).ShouldBe(("BERTH-ARGO-002", 16, 7));
        finding.Message.ShouldBe("ApplicationSet guestbook: uses the default AppProject");
        Lint(("appset.yaml", set.Replace("project: default", "project: guestbook", StringComparison.Ordinal))).ShouldBeEmpty();
    }
}
