using System.Globalization;
using Berth.Linting.Hcl;
using Berth.Linting.Kubernetes;
using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EksNodeImdsRule : LintRule
{
    public override string Id => "BERTH-EKS-013";

    public override Severity Severity => Severity.High;

    public override string Title => "EKS nodes allow IMDSv1 or let pods reach the instance metadata";

    public override string Resource => "aws_launch_template (of an aws_eks_node_group), EC2NodeClass";

    public override string Why => "A pod that can reach the node's instance metadata service gets the node's IAM role — every permission of every pod on the node. The EKS Best Practices Guide (Security, \"Restrict access to the instance profile assigned to the worker node\") asks for IMDSv2 only (`http_tokens = \"required\"`) with a response hop limit of 1, so that only the node, not a pod behind its network bridge, gets a token. Karpenter's EC2NodeClass defaults to exactly that; a launch template has to say it.";

    public override string Fix => "In the node group's launch template set `metadata_options { http_tokens = \"required\", http_put_response_hop_limit = 1 }` (in an EC2NodeClass, leave metadataOptions at its defaults or set httpTokens: required and httpPutResponseHopLimit: 1), and give pods their own IAM roles through Pod Identity.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_launch_template" "nodes" {
          name_prefix = "nodes-"
          metadata_options {
            http_tokens                 = "optional"
            http_put_response_hop_limit = 2
          }
        }

        resource "aws_eks_node_group" "default" {
          cluster_name  = "platform"
          node_role_arn = "arn:aws:iam::123456789012:role/nodes"
          subnet_ids    = ["subnet-1"]
          launch_template {
            id      = aws_launch_template.nodes.id
            version = aws_launch_template.nodes.latest_version
          }
          scaling_config {
            desired_size = 3
            max_size     = 6
            min_size     = 3
          }
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_launch_template" "nodes" {
          name_prefix = "nodes-"
          metadata_options {
            http_tokens                 = "required"
            http_put_response_hop_limit = 1
          }
        }

        resource "aws_eks_node_group" "default" {
          cluster_name  = "platform"
          node_role_arn = "arn:aws:iam::123456789012:role/nodes"
          subnet_ids    = ["subnet-1"]
          launch_template {
            id      = aws_launch_template.nodes.id
            version = aws_launch_template.nodes.latest_version
          }
          scaling_config {
            desired_size = 3
            max_size     = 6
            min_size     = 3
          }
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in input.OfType("aws_eks_node_group"))
        {
            foreach (var lt in group.View.Blocks("launch_template"))
            {
                var names = new[] { lt.Attr("id"), lt.Attr("name") }.OfType<HclAttr>()
                    .SelectMany(a => Tf.References(a.Value)).Where(r => r.StartsWith("aws_launch_template.", StringComparison.Ordinal)).Select(r => r["aws_launch_template.".Length..]).ToList();
                used.UnionWith(names);
                if (names.Count == 0 && (lt.Has("id") ? "id" : "name") is var attribute && lt.Get(attribute) is Unknown)
                {
                    yield return UnknownNote(group, lt, attribute, "which launch template the nodes use, so their instance metadata settings are not checked");
                }
            }
        }

        foreach (var template in input.OfType("aws_launch_template").Where(t => used.Contains(t.Name)))
        {
            var options = template.View.Block("metadata_options");
            if (options is null)
            {
                yield return Report(template, template.Range, "a node launch template without metadata_options: IMDSv1 stays allowed and the hop limit is the AMI's");
                continue;
            }

            var tokens = options.Get("http_tokens");
            var hops = options.Get("http_put_response_hop_limit");
            if (tokens is Unknown || hops is Unknown)
            {
                yield return UnknownNote(template, options, tokens is Unknown ? "http_tokens" : "http_put_response_hop_limit", "whether pods can reach the node's instance metadata");
            }
            else if (tokens is not "required")
            {
                yield return Report(template, options.Has("http_tokens") ? options.RangeOf("http_tokens") : options.Range, "http_tokens is " + (HclValue.AsString(tokens) ?? "unset") + ": IMDSv1 lets any pod read the node role's credentials");
            }
            else if (HclValue.AsNumber(hops) is not 1m)
            {
                yield return Report(template, options.Has("http_put_response_hop_limit") ? options.RangeOf("http_put_response_hop_limit") : options.Range,
                    "http_put_response_hop_limit is " + (hops is null ? "unset (the AMI's default)" : HclValue.AsString(hops)) + ", not 1: pods can get an IMDSv2 token for the node role");
            }
        }

        foreach (var nodeClass in input.OfKind("EC2NodeClass").Where(o => o.Group == "karpenter.k8s.aws"))
        {
            var options = Yaml.Map(nodeClass.Spec, "metadataOptions");
            if (Yaml.Str(options, "httpTokens") is "optional")
            {
                yield return Report(nodeClass, Yaml.KeyRange(nodeClass.File, options, "httpTokens") ?? nodeClass.Range, "metadataOptions.httpTokens is optional: IMDSv1 lets any pod read the node role's credentials");
            }
            else if (Yaml.Str(options, "httpPutResponseHopLimit") is { } hop && int.TryParse(hop, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 1)
            {
                yield return Report(nodeClass, Yaml.KeyRange(nodeClass.File, options, "httpPutResponseHopLimit") ?? nodeClass.Range, "metadataOptions.httpPutResponseHopLimit is " + hop + ", not 1: pods can get an IMDSv2 token for the node role");
            }
        }
    }
}
