using Berth.Generation.Hcl;
using static Berth.Generation.Hcl.HclValue;

namespace Berth.Generation.Terraform;

/// <summary>
/// IAM roles as both generators wire them: a trust policy for one AWS service, the role, its AWS-managed policies and
/// its inline policy (an <c>aws_iam_policy_document</c> of the same name). <c>forEach</c>, where given, makes one of
/// each per entry.
/// </summary>
public static class IamRoles
{
    /// <summary><c>data.aws_iam_policy_document.&lt;name&gt;_assume</c>: <paramref name="service"/> may assume the role.</summary>
    public static void TrustPolicy(HclBody f, string name, string service, string[] actions, Action<HclBody>? condition = null) =>
        f.Block("data", "aws_iam_policy_document", name + "_assume", d => d.Block("statement", s =>
        {
            s.Set("actions", Strings(actions))
                .Block("principals", p => p.Set("type", "Service").Set("identifiers", Strings([service])));
            if (condition is not null)
            {
                s.Block("condition", condition);
            }
        }));

    /// <summary><c>aws_iam_role.&lt;name&gt;</c>, trusting <c>data.aws_iam_policy_document.&lt;trust&gt;_assume</c>.</summary>
    public static void Role(HclBody f, string name, HclValue roleName, string trust, HclValue? forEach = null, string? tags = null) =>
        f.Block("resource", "aws_iam_role", name, r =>
        {
            ForEach(r, forEach);
            r.Set("name", roleName).Expr("assume_role_policy", $"data.aws_iam_policy_document.{trust}_assume.json");
            if (tags is not null)
            {
                r.Expr("tags", tags);
            }
        });

    /// <summary><c>aws_iam_role_policy_attachment.&lt;name&gt;</c>: a managed policy attached to <paramref name="role"/>.</summary>
    public static void Attach(HclBody f, string name, string role, string policyArn, HclValue? forEach = null) =>
        f.Block("resource", "aws_iam_role_policy_attachment", name, a =>
        {
            ForEach(a, forEach);
            a.Expr("role", role).Expr("policy_arn", policyArn);
        });

    /// <summary><c>aws_iam_role_policy.&lt;name&gt;</c>: the inline policy <paramref name="policy"/> of <paramref name="role"/>.</summary>
    public static void InlinePolicy(HclBody f, string name, string policyName, string role, string policy, HclValue? forEach = null) =>
        f.Block("resource", "aws_iam_role_policy", name, r =>
        {
            ForEach(r, forEach);
            r.Set("name", policyName).Expr("role", role).Expr("policy", policy);
        });

    private static void ForEach(HclBody b, HclValue? forEach)
    {
        if (forEach is not null)
        {
            b.Set("for_each", forEach);
        }
    }
}
