using System.Globalization;
using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EksSupportedVersionRule : LintRule
{
    private static readonly EksVersions Data = EksVersions.Embedded;

    public override string Id => "BERTH-EKS-012";

    public override Severity Severity => Severity.Medium;

    public override string Title => "EKS cluster on a Kubernetes version outside standard support";

    public override string Resource => "aws_eks_cluster";

    public override string Why => string.Create(CultureInfo.InvariantCulture,
        $"A version past standard support costs $0.60 per cluster-hour in extended support instead of $0.10 (about $365 a month more per cluster), and once extended support ends AWS upgrades the control plane on its own schedule. As of {Data.AsOf:yyyy-MM-dd} the versions in standard support are {string.Join(", ", Data.Supported)} (source: {Data.Source}; the list is data in src/Berth/Linting/Data/eks-versions.json and is updated with it).");

    public override string Fix => "Upgrade the cluster (one minor version at a time) to a version in standard support, and its node groups and add-ons with it.";

    public override RuleExample Failing => new("main.tf", """
        variable "kubernetes_version" {
          default = "1.29"
        }

        resource "aws_eks_cluster" "main" {
          name     = "main"
          version  = var.kubernetes_version
          role_arn = "arn:aws:iam::123456789012:role/eks"
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_eks_cluster" "main" {
          name     = "main"
          version  = "1.35"
          role_arn = "arn:aws:iam::123456789012:role/eks"
        }
        """);

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var cluster in input.OfType("aws_eks_cluster"))
        {
            // Without `version` EKS creates the current default version: nothing to judge.
            if (!cluster.View.Has("version"))
            {
                continue;
            }

            var value = cluster.View.Get("version");
            if (value is Unknown)
            {
                yield return Note(cluster, cluster.View.RangeOf("version"), "cannot tell whether the Kubernetes version is supported: " + Unresolved.Describe(cluster.View, "version"));
                continue;
            }

            if (HclValue.AsString(value) is not { } version)
            {
                continue;
            }

            var at = cluster.View.RangeOf("version");

            // Judged on the lint's day (--today, default today): 1.33 left standard support on 2026-07-29.
            var today = input.Today == default ? Data.AsOf : input.Today;
            var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var supported = string.Join(", ", Data.SupportedOn(today));
            if (today.DayNumber - Data.AsOf.DayNumber > EksVersions.MaxAgeDays)
            {
                yield return Note(cluster, at, string.Create(CultureInfo.InvariantCulture,
                    $"the EKS release calendar Berth carries is from {Data.AsOf:yyyy-MM-dd}, {today.DayNumber - Data.AsOf.DayNumber} days before {day}: versions and dates AWS published since are not known (update Berth)"));
            }

            switch (Data.Support(version, today))
            {
                case EksSupport.Extended:
                    yield return Report(cluster, at, string.Create(CultureInfo.InvariantCulture,
                        $"Kubernetes {version} is in extended support as of {day} ($0.60/h; standard support ended {Data.Find(version)?.EndOfStandardSupport:yyyy-MM-dd}, extended ends {Data.Find(version)?.EndOfExtendedSupport:yyyy-MM-dd}); supported: {supported}"));
                    break;
                case EksSupport.Ended:
                    yield return Report(cluster, at, "Kubernetes " + version + " is out of support as of " + day + "; supported: " + supported);
                    break;
            }
        }
    }
}
