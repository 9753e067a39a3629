using Berth.Generation.Hcl;
using static Berth.Generation.Hcl.HclValue;

namespace Berth.Generation.Terraform;

/// <summary>
/// The Terraform blocks every generated root and module writes the same way, whichever platform: the version
/// constraints, variables, outputs and the account data sources. Both generators take them from here so that a
/// fix to one is a fix to both.
/// </summary>
public static class TerraformBlocks
{
    public const string TerraformVersion = ">= 1.7";

    /// <summary>hashicorp/aws 5.95 and later (below 7.0): 5.x and 6.x both, so the generated code uses only what both
    /// accept (the offline provider is 5.100, DESIGN.md).</summary>
    public const string AwsProviderVersion = ">= 5.95, < 7.0";

    /// <summary>
    /// versions.tf: the AWS provider, then <paramref name="more"/> providers; a root also pins Terraform itself (a
    /// module leaves that to the root calling it).
    /// </summary>
    public static string Versions(bool root, params (string Name, string Source, string Version)[] more) =>
        HclWriter.File(f => f.Block("terraform", t =>
        {
            if (root)
            {
                t.Set("required_version", TerraformVersion);
            }

            t.Block("required_providers", p =>
            {
                p.Set("aws", Provider("hashicorp/aws", AwsProviderVersion));
                foreach (var (name, source, version) in more)
                {
                    p.Set(name, Provider(source, version));
                }
            });
        }));

    private static HclObject Provider(string source, string version) =>
        HclObject.Of(("source", Str(source)), ("version", Str(version)));

    public static void Variable(HclBody f, string name, string type, string description, Action<HclBody>? more = null) =>
        f.Block("variable", name, v =>
        {
            v.Expr("type", type).Set("description", description);
            more?.Invoke(v);
        });

    public static void Output(HclBody f, string name, string value, string description) =>
        f.Block("output", name, o => o.Set("description", description).Expr("value", value));

    /// <summary>The account and partition the provider's credentials are in, which ARNs are built from.</summary>
    public static void CurrentAccount(HclBody f)
    {
        f.Block("data", "aws_caller_identity", "current", _ => { });
        f.Block("data", "aws_partition", "current", _ => { });
    }

    /// <summary>A value as HCL on one line, for use inside an expression.</summary>
    public static string Inline(HclValue value) =>
        HclWriter.Write(new HclBody().Set("x", value)).Split('\n')[0]["x = ".Length..];
}
