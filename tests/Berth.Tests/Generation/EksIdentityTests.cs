using System.Text.Json.Nodes;
using Berth.Generation;
using Berth.Generation.Eks;
using Berth.Spec;
using k8s;
using k8s.Models;

namespace Berth.Tests.Generation;

/// <summary>The controllers' AWS identities (Load Balancer Controller, KEDA operator), the TriggerAuthentications the
/// ScaledObjects use, and team ownership of namespaces, AppProjects and access entries.</summary>
public sealed class EksIdentityTests
{
    private static IReadOnlyList<GeneratedFile> Generate(string example) => EksGenerator.Generate(EcsGoldenTests.Load(example));

    private static string FileOf(IReadOnlyList<GeneratedFile> files, string path) => files.Single(f => f.Path == path).Content;

    private static BerthSpec Parse(string yaml)
    {
        var result = SpecLoader.Parse(yaml, "berth.yaml");
        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Errors));
        return result.Spec!;
    }

    [Theory]
    [MemberData(nameof(EksGoldenTests.Examples), MemberType = typeof(EksGoldenTests))]
    public void The_load_balancer_controller_has_its_role_policy_and_pod_identity_association(string example)
    {
        var files = Generate(example);
        var tf = FileOf(files, "terraform/controllers.tf");

        tf.ShouldContain("resource \"aws_iam_role\" \"load_balancer_controller\"");
        tf.ShouldContain("policy_arn = aws_iam_policy.load_balancer_controller.arn");
        Block(tf, "resource \"aws_eks_pod_identity_association\" \"load_balancer_controller\"").ShouldSatisfyAllConditions(
            b => b.ShouldContain("namespace       = \"kube-system\""),
            b => b.ShouldContain("service_account = \"aws-load-balancer-controller\""),
            b => b.ShouldContain("role_arn        = aws_iam_role.load_balancer_controller.arn"));
        foreach (var statement in ControllerIdentities.LoadBalancerControllerPolicy)
        {
            System.Text.RegularExpressions.Regex.IsMatch(tf, $"\\n    sid += \"{statement.Sid}\"\\n").ShouldBeTrue(statement.Sid);
        }

        // The Helm release runs the controller under exactly the associated service account.
        var release = Block(FileOf(files, "bootstrap/main.tf"), "resource \"helm_release\" \"aws_load_balancer_controller\"");
        release.ShouldContain("namespace        = \"kube-system\"");
        release.ShouldContain("name   = \"aws-load-balancer-controller\"");
    }

    [Fact]
    public void The_load_balancer_controller_policy_keeps_the_published_guard_rails()
    {
        var policy = ControllerIdentities.LoadBalancerControllerPolicy;
        var actions = policy.SelectMany(s => s.Actions).ToHashSet(StringComparer.Ordinal);
        string[] required =
        [
            "elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:RegisterTargets",
            "elasticloadbalancing:DeleteLoadBalancer", "ec2:CreateSecurityGroup", "ec2:DeleteSecurityGroup", "iam:CreateServiceLinkedRole",
            "elasticloadbalancing:ModifyListenerAttributes", "elasticloadbalancing:SetRulePriorities", "wafv2:AssociateWebACL",
        ];
        required.ShouldBeSubsetOf(actions);

        // Creating and deleting is allowed only for what the controller tags as its own (elbv2.k8s.aws/cluster).
        Statement("CreateTaggedLoadBalancers").Conditions.ShouldContain(c => c.Test == "Null" && c.Variable == "aws:RequestTag/elbv2.k8s.aws/cluster" && c.Values.Single() == "false");
        Statement("ModifyOwnLoadBalancers").Conditions.Single().Variable.ShouldBe("aws:ResourceTag/elbv2.k8s.aws/cluster");
        Statement("ManageOwnSecurityGroups").Actions.ShouldContain("ec2:DeleteSecurityGroup");
        Statement("ManageOwnSecurityGroups").Conditions.ShouldNotBeEmpty();
        Statement("CreateElbServiceLinkedRole").Conditions.Single().Values.ShouldBe(["elasticloadbalancing.amazonaws.com"]);
        policy.Select(s => s.Sid).ShouldBeUnique();
        policy.ShouldAllBe(s => s.Sid.All(char.IsAsciiLetterOrDigit));

        static PolicyStatement Statement(string sid) => ControllerIdentities.LoadBalancerControllerPolicy.Single(s => s.Sid == sid);
    }

    [Fact]
    public void The_load_balancer_controller_policy_fits_a_managed_policy()
    {
        // IAM managed policies hold at most 6,144 characters, whitespace not counted (IAM quotas); rendered as
        // aws_iam_policy_document renders it (condition keys grouped per operator).
        var statements = new JsonArray();
        foreach (var s in ControllerIdentities.LoadBalancerControllerPolicy)
        {
            var o = new JsonObject
            {
                ["Sid"] = s.Sid,
                ["Effect"] = "Allow",
                ["Action"] = Strings(s.Actions),
                ["Resource"] = Strings(s.Resources),
            };
            if (s.Conditions.Count > 0)
            {
                var conditions = new JsonObject();
                foreach (var group in s.Conditions.GroupBy(c => c.Test))
                {
                    conditions[group.Key] = new JsonObject(group.Select(c => KeyValuePair.Create(c.Variable, (JsonNode?)Strings(c.Values))));
                }

                o["Condition"] = conditions;
            }

            statements.Add(o);
        }

        var json = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = statements }.ToJsonString();
        json.Length.ShouldBeLessThan(6_144);

        static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
    }

    [Fact]
    public void The_KEDA_operator_role_reads_only_the_queues_services_scale_on()
    {
        var spec = EcsGoldenTests.Load("platform");
        ControllerIdentities.KedaQueues(spec).ShouldBe(["fraud-alerts"]); // the Kafka topics need no AWS access
        var tf = FileOf(EksGenerator.Generate(spec), "terraform/controllers.tf");

        tf.ShouldContain("keda_queues = [\"fraud-alerts\"]");
        var policy = Block(tf, "data \"aws_iam_policy_document\" \"keda_operator\"");
        policy.ShouldContain("actions   = [\"sqs:GetQueueAttributes\"]");
        policy.ShouldContain("resources = [for q in local.keda_queues : \"arn:${local.partition}:sqs:${var.region}:${local.account_id}:${q}\"]");
        policy.ShouldNotContain("\"*\"");
        var association = Block(tf, "resource \"aws_eks_pod_identity_association\" \"keda_operator\"");
        association.ShouldContain("namespace       = \"keda\"");
        association.ShouldContain("service_account = \"keda-operator\"");

        Block(FileOf(EksGenerator.Generate(spec), "bootstrap/main.tf"), "resource \"helm_release\" \"keda\"").ShouldContain("namespace        = \"keda\"");
    }

    [Fact]
    public void Without_an_SQS_event_source_there_is_no_KEDA_role_and_without_any_no_KEDA_release()
    {
        var kafkaOnly = Parse("""
            version: 1
            name: shop
            services:
              - { name: consumer, type: worker, eventSource: { type: kafka, name: orders } }
            """);
        var files = EksGenerator.Generate(kafkaOnly);
        FileOf(files, "terraform/controllers.tf").ShouldNotContain("keda");
        FileOf(files, "bootstrap/main.tf").ShouldContain("resource \"helm_release\" \"keda\"");
        files.ShouldNotContain(f => f.Path.EndsWith("triggerauthentication.yaml", StringComparison.Ordinal));

        var none = EksGenerator.Generate(Parse("""
            version: 1
            name: shop
            services:
              - { name: api }
            """));
        FileOf(none, "bootstrap/main.tf").ShouldNotContain("keda");
        FileOf(none, "bootstrap/variables.tf").ShouldNotContain("keda");
    }

    [Theory]
    [InlineData("platform")]
    [InlineData("multi-client")]
    public void Every_SQS_ScaledObject_references_a_TriggerAuthentication_that_uses_the_KEDA_operator_identity(string example)
    {
        var files = Generate(example);
        var auths = files.Where(f => f.Path.EndsWith("/triggerauthentication.yaml", StringComparison.Ordinal))
            .Select(f => KubernetesYaml.Deserialize<KedaTriggerAuthentication>(f.Content, strict: true))
            .ToDictionary(a => (a.Metadata.NamespaceProperty, a.Metadata.Name));
        auths.ShouldNotBeEmpty();
        foreach (var auth in auths.Values)
        {
            auth.Spec.PodIdentity.Provider.ShouldBe("aws");
            auth.Spec.PodIdentity.IdentityOwner.ShouldBe("keda");
        }

        var sqsTriggers = 0;
        foreach (var file in files.Where(f => f.Path.EndsWith("/scaledobject.yaml", StringComparison.Ordinal)))
        {
            var scaled = KubernetesYaml.Deserialize<KedaScaledObject>(file.Content, strict: true);
            foreach (var trigger in scaled.Spec.Triggers.Where(t => t.Type == "aws-sqs-queue"))
            {
                trigger.AuthenticationRef.ShouldNotBeNull(file.Path);
                auths.ShouldContainKey((scaled.Metadata.NamespaceProperty, trigger.AuthenticationRef.Name), file.Path);
                sqsTriggers++;
            }
        }

        sqsTriggers.ShouldBe(auths.Count, "one TriggerAuthentication per SQS-scaled service, none unused");
    }

    [Fact]
    public void The_KEDA_model_parses_strictly_so_an_unknown_field_fails()
    {
        var auth = FileOf(Generate("multi-client"), "k8s/notifier/triggerauthentication.yaml");
        Should.Throw<Exception>(() => KubernetesYaml.Deserialize<KedaTriggerAuthentication>(
            auth.Replace("provider: aws", "provider: aws\n    roleARN: x", StringComparison.Ordinal), strict: true));
    }

    [Fact]
    public void Team_keys_name_the_namespaces_AppProjects_and_access_entry_keys()
    {
        var files = Generate("platform");
        var spec = EcsGoldenTests.Load("platform");
        string[] teams = ["data", "internal-tools", "investigations", "scoring"];

        files.Where(f => f.Path.StartsWith("k8s/namespaces/", StringComparison.Ordinal)).Select(f => f.Path)
            .ShouldBe(teams.Select(t => $"k8s/namespaces/{t}.yaml"));
        files.Where(f => f.Path.StartsWith("argocd/appproject-", StringComparison.Ordinal)).Select(f => f.Path)
            .ShouldBe(teams.Append("platform").Order(StringComparer.Ordinal).Select(t => $"argocd/appproject-{t}.yaml"));
        FileOf(files, "terraform/variables.tf").ShouldContain("contains([\"data\", \"internal-tools\", \"investigations\", \"scoring\"], k)");

        foreach (var s in spec.Services)
        {
            KubernetesYaml.Deserialize<V1Deployment>(FileOf(files, $"k8s/{s.Name}/deployment.yaml"), strict: true)
                .Metadata.NamespaceProperty.ShouldBe(s.Team, s.Name);
            var app = FileOf(files, $"argocd/application-{s.Name}.yaml");
            app.ShouldContain($"project: {s.Team}\n");
            app.ShouldContain($"namespace: {s.Team}\n");
        }

        var project = FileOf(files, "argocd/appproject-investigations.yaml");
        project.ShouldContain("namespace: investigations");
        FileOf(files, "README.md").ShouldContain("- `investigations`: case-api-1, case-api-2, case-api-3, case-api-4, case-api-5, case-api-6, report-builder-1, report-builder-2, report-builder-3");
    }

    [Fact]
    public void Services_without_a_team_keep_the_order_based_split_and_the_README_says_so()
    {
        var spec = Parse("""
            version: 1
            name: shop
            team: { owningTeams: 2 }
            services:
              - { name: api, team: payments }
              - { name: web }
              - { name: mailer, type: worker }
              - { name: search, count: 2 }
            """);
        var layout = EksLayout.For(spec, null, null);

        layout.Namespaces.ShouldBe(["payments", "team-1", "team-2"]);
        layout.NamespaceOf["api"].ShouldBe("payments");
        (layout.NamespaceOf["web"], layout.NamespaceOf["mailer"]).ShouldBe(("team-1", "team-1"));
        (layout.NamespaceOf["search-1"], layout.NamespaceOf["search-2"]).ShouldBe(("team-2", "team-2"));
        var readme = FileOf(EksGenerator.Generate(spec), "README.md");
        readme.ShouldContain("Services with a `team:` in berth.yaml live in that team's namespace. The others name no owner");

        var none = FileOf(Generate("startup"), "README.md");
        none.ShouldContain("No service in berth.yaml names its `team:`, so services are split over `team.owningTeams` namespaces");
    }

    [Fact]
    public void The_README_lists_the_controller_roles()
    {
        var readme = FileOf(Generate("multi-client"), "README.md");
        readme.ShouldContain("| `claims-portal-aws-load-balancer-controller` | `kube-system/aws-load-balancer-controller` |");
        readme.ShouldContain("| `claims-portal-keda-operator` | `keda/keda-operator` | `sqs:GetQueueAttributes` on `notifications` only");
    }

    /// <summary>A top-level block of a generated .tf file, from its header line to its closing brace.</summary>
    private static string Block(string tf, string header)
    {
        var start = tf.IndexOf(header + " {", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, header);
        var end = tf.IndexOf("\n}\n", start, StringComparison.Ordinal);
        return tf[start..(end + 2)];
    }
}
