using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Berth.Costing;
using Berth.Decision;
using Berth.Planning;
using Berth.Spec;
using Berth.Tests.Cli;
using Berth.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berth.Tests.Decision;

/// <summary>
/// Issue 20, point 4: with <c>currentPlatform</c> set, assess and report say whether to stay or move and what moving
/// changes, in the figures the cost summary prints and with the assessment's own reasons.
/// </summary>
public sealed partial class MovingTests
{
    [GeneratedRegex(@"\$([0-9][0-9,]*\.[0-9]{2})")]
    private static partial Regex Dollars();

    private static readonly CurrentPlatform[] All =
        [CurrentPlatform.EcsFargate, CurrentPlatform.Eks, CurrentPlatform.EksKarpenter, CurrentPlatform.EksNodeGroups, CurrentPlatform.EksFargate];

    [Fact]
    public void A_spec_that_does_not_say_what_the_team_runs_has_no_move()
    {
        var spec = Generation.EcsGoldenTests.Load("platform");

        spec.CurrentPlatform.ShouldBeNull();
        Priced.Assess(spec).Current.ShouldBeNull();
    }

    [Fact]
    public void The_option_names_the_spec_accepts_are_the_cost_options_and_eks()
    {
        string[] ids = [OptionIds.EcsFargate, OptionIds.EksKarpenter, OptionIds.EksNodeGroups, OptionIds.EksFargate];

        SpecEnums.CurrentPlatform.All.Order(StringComparer.Ordinal).ShouldBe(ids.Append("eks").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_team_on_ecs_told_to_move_to_eks_sees_the_cheapest_eks_option_and_the_one_time_work()
    {
        var spec = Generation.EcsGoldenTests.Load("platform") with { };
        spec = spec with { Team = spec.Team with { KubernetesExpertise = KubernetesExpertise.None } };
        spec = Current(spec, CurrentPlatform.EcsFargate);
        var costs = Priced.Costs(spec);
        var a = DecisionEngine.Assess(spec, costs);

        a.Recommendation.ShouldBe(Platform.Eks);
        var m = a.Current.ShouldNotBeNull();
        m.Move.ShouldBeTrue();
        m.Current!.Id.ShouldBe(OptionIds.EcsFargate);
        m.Target!.Id.ShouldBe(costs.Ranked().First(o => o.Feasible && o.Platform == "eks").Id);
        m.Migration.Tasks.Select(t => t.Description).ShouldBe(["build the EKS platform (1 cluster)", "move 33 services to Kubernetes manifests"]);

        // A team new to Kubernetes takes 1.5 × as long (EngineeringTime.LearningFactor): 160 h + 33 × 6 h, × 1.5.
        m.Migration.Hours.ShouldBe((160m + (33 * 6m)) * 1.5m);
        m.Migration.Usd.ShouldBe(m.Migration.Hours * spec.Team.HourlyRateUsd);
        m.Summary(a).ShouldStartWith("You run ecs-fargate now; Berth recommends eks.");
        m.Adds.ShouldBe(a.Reasons.Where(r => r.Favours == Favours.Eks).Select(r => r.Text));
    }

    [Fact]
    public void A_team_on_the_recommended_platform_is_told_to_stay_and_what_moving_would_cost()
    {
        var spec = Current(Generation.EcsGoldenTests.Load("startup"), CurrentPlatform.EcsFargate);
        var a = Priced.Assess(spec);

        a.Recommendation.ShouldBe(Platform.EcsFargate);
        var m = a.Current.ShouldNotBeNull();
        m.Move.ShouldBeFalse();
        m.Summary(a).ShouldStartWith("You run ecs-fargate now and Berth recommends ecs-fargate: stay.");
        m.Loses.ShouldBe(a.Reasons.Where(r => r.Favours == Favours.EcsFargate).Select(r => r.Text));
    }

    [Fact]
    public void Plain_eks_is_priced_as_the_cheapest_eks_option_and_says_so()
    {
        var spec = Current(Generation.EcsGoldenTests.Load("platform"), CurrentPlatform.Eks);
        var costs = Priced.Costs(spec);
        var m = DecisionEngine.Assess(spec, costs).Current.ShouldNotBeNull();

        var cheapest = costs.Ranked().First(o => o.Feasible && o.Platform == "eks");
        m.Current!.Id.ShouldBe(cheapest.Id);
        m.Notes.ShouldHaveSingleItem().ShouldContain($"priced as {cheapest.Id}, the cheapest EKS option that can run the workload");
    }

    [Fact]
    public void A_current_option_that_cannot_carry_the_demand_is_said_to()
    {
        // The platform example's six m5.2xlarge node groups cannot hold its peak (cost summary: "cannot run").
        var spec = Current(Generation.EcsGoldenTests.Load("platform"), CurrentPlatform.EksNodeGroups);
        var costs = Priced.Costs(spec);
        costs.Options.Single(o => o.Id == OptionIds.EksNodeGroups).Feasible.ShouldBeFalse();

        var m = DecisionEngine.Assess(spec, costs).Current.ShouldNotBeNull();

        m.Current!.Feasible.ShouldBeFalse();
        m.Notes.ShouldHaveSingleItem().ShouldStartWith("Berth's plan of eks-nodegroups, the option you run, cannot carry the demand berth.yaml describes (");
    }

    [Fact]
    public void Node_groups_that_cost_more_than_karpenter_are_told_the_saving_without_changing_platform()
    {
        // Forty small services of four replicas on twenty m5.4xlarge: far more than they need; Karpenter packs them onto
        // a few Spot nodes, cheaper than a Fargate task each.
        var spec = SpecBuilder.Default.WithServices(40, replicas: 4, spot: true).Build();
        spec = Current(spec with { Eks = spec.Eks with { NodeGroups = [new NodeGroupSpec("big", "m5.4xlarge", 20, CapacityType.OnDemand)] } }, CurrentPlatform.EksNodeGroups);
        var costs = Priced.Costs(spec);
        var m = DecisionEngine.Assess(spec, costs).Current.ShouldNotBeNull();

        var same = m.SamePlatform.ShouldNotBeNull(string.Join(", ", costs.Ranked().Select(o => $"{o.Id} {o.MonthlyUsd}")));
        same.Option.Id.ShouldBe(OptionIds.EksKarpenter);
        var groups = costs.Options.Single(o => o.Id == OptionIds.EksNodeGroups);
        var karpenter = costs.Options.Single(o => o.Id == OptionIds.EksKarpenter);
        same.SavingUsd.ShouldBe(groups.MonthlyUsd - karpenter.MonthlyUsd);
        same.Migration!.Hours.ShouldBe(24m * 1.5m);
    }

    /// <summary>Every figure the move quotes is the cost summary's, and its verdict, target, payback and lists follow from the assessment.</summary>
    [Property(MaxTest = 30)]
    public Property The_move_agrees_with_the_assessment_and_the_cost_summary()
    {
        return Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), Gen.Elements(All).ToArbitrary(), (seed, current) =>
        {
            var spec = Current(RandomSpecs.Spec(seed), current);
            var costs = Priced.Costs(spec);
            var a = DecisionEngine.Assess(spec, costs);
            var problems = Disagreements(a, costs);
            return problems.Count == 0 ? true.ToProperty() : false.Label($"{current}\n{RandomSpecs.Yaml(seed)}\n{string.Join("\n", problems)}");
        });
    }

    /// <summary>The JSON of assess, read back, carries the same figures as the JSON of cost for the same file.</summary>
    [Fact]
    public void Assess_json_quotes_the_figures_cost_json_prints()
    {
        using var dir = new TempDir();
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Examples, "platform.yaml")) + "\ncurrentPlatform: ecs-fargate\n";
        var specFile = Path.Combine(dir.Path, "berth.yaml");
        File.WriteAllText(specFile, yaml);

        var assess = CliRunner.Run(dir.Path, "assess", specFile, "--format", "json");
        var cost = CliRunner.Run(dir.Path, "cost", specFile, "--format", "json");
        assess.ExitCode.ShouldBe(0, assess.Error);
        cost.ExitCode.ShouldBe(0, cost.Error);

        using var a = JsonDocument.Parse(assess.Out);
        using var c = JsonDocument.Parse(cost.Out);
        var current = a.RootElement.GetProperty("current");
        current.GetProperty("platform").GetString().ShouldBe("ecs-fargate");
        var options = c.RootElement.GetProperty("options").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetString()!);
        foreach (var side in new[] { "option", "moveTo" })
        {
            var o = current.GetProperty(side);
            var priced = options[o.GetProperty("id").GetString()!];
            o.GetProperty("monthlyUsd").GetDecimal().ShouldBe(priced.GetProperty("monthlyUsd").GetDecimal(), side);
            o.GetProperty("infrastructureMonthlyUsd").GetDecimal().ShouldBe(priced.GetProperty("infrastructureMonthlyUsd").GetDecimal(), side);
        }

        var change = current.GetProperty("change").GetProperty("monthlyUsd").GetDecimal();
        change.ShouldBe(current.GetProperty("moveTo").GetProperty("monthlyUsd").GetDecimal() - current.GetProperty("option").GetProperty("monthlyUsd").GetDecimal());
        current.GetProperty("migration").GetProperty("estimated").GetBoolean().ShouldBeTrue();
        current.GetProperty("verdict").GetString().ShouldBe(a.RootElement.GetProperty("recommendation").GetString() == "eks" ? "move" : "stay");
    }

    [Fact]
    public void Assess_text_and_markdown_and_the_report_say_what_the_team_runs_now()
    {
        using var dir = new TempDir();
        var specFile = Path.Combine(dir.Path, "berth.yaml");
        File.WriteAllText(specFile, File.ReadAllText(Path.Combine(RepoPaths.Examples, "startup.yaml")) + "\ncurrentPlatform: ecs-fargate\n");

        var text = CliRunner.Run(dir.Path, "assess", specFile);
        var markdown = CliRunner.Run(dir.Path, "assess", specFile, "--format", "markdown");
        var report = CliRunner.Run(dir.Path, "report", specFile, "-o", Path.Combine(dir.Path, "report.html"), "--days", "1");

        text.Out.ShouldContain("You run ecs-fargate now and Berth recommends ecs-fargate: stay.");
        markdown.Out.ShouldContain("## The platform you run now");
        report.ExitCode.ShouldBe(0, report.Error);
        File.ReadAllText(Path.Combine(dir.Path, "report.html")).ShouldContain("The platform you run now");
    }

    internal static List<string> Disagreements(Assessment a, CostReport costs)
    {
        var problems = new List<string>();
        var m = a.Current;
        if (m is null)
        {
            return ["no move for a spec with currentPlatform"];
        }

        if (m.Move != (a.Recommendation != m.RunsOn))
        {
            problems.Add($"move {m.Move} with recommendation {a.Recommendation} on {m.RunsOn}");
        }

        var otherPlatform = m.Other == Platform.Eks ? "eks" : "ecs";
        var cheapestOther = costs.Ranked().FirstOrDefault(o => o.Feasible && o.Platform == otherPlatform);
        if (m.Target?.Id != cheapestOther?.Id || m.Target is { Feasible: false })
        {
            problems.Add($"target {m.Target?.Id}, not the cheapest feasible {otherPlatform} option {cheapestOther?.Id}");
        }

        if (m.Current is { } now && m.Declared != CurrentPlatform.Eks && now.Id != SpecEnums.CurrentPlatform.NameOf(m.Declared))
        {
            problems.Add($"current figures are {now.Id}'s, not {m.Declared}'s");
        }

        foreach (var figures in new[] { m.Current, m.Target }.OfType<OptionFigures>())
        {
            var o = costs.Options.Single(x => x.Id == figures.Id);
            if (o.MonthlyUsd != figures.MonthlyUsd || o.InfrastructureUsd != figures.InfrastructureUsd || o.EngineeringUsd != figures.EngineeringUsd)
            {
                problems.Add($"{o.Id}: figures differ from the cost summary");
            }
        }

        if (m.PaybackMonths is { } months)
        {
            var saving = -m.MonthlyChangeUsd!.Value;
            if (months * saving < m.Migration.Usd || (months - 1) * saving >= m.Migration.Usd)
            {
                problems.Add($"payback {months} months for {m.Migration.Usd} at {saving} a month");
            }
        }
        else if (m.MonthlyChangeUsd is < 0)
        {
            problems.Add("a move that saves money has no payback");
        }

        var side = (Platform p) => p == Platform.Eks ? Favours.Eks : Favours.EcsFargate;
        if (!m.Adds.SequenceEqual(a.Reasons.Where(r => r.Favours == side(m.Other)).Select(r => r.Text)) ||
            !m.Loses.SequenceEqual(a.Reasons.Where(r => r.Favours == side(m.RunsOn)).Select(r => r.Text)))
        {
            problems.Add("adds/loses are not the assessment's reasons for each side");
        }

        // Every dollar figure in the summary is one the cost summary prints, a difference of two, the migration or the rate.
        var known = costs.Options.SelectMany(o => new[] { o.MonthlyUsd, o.InfrastructureUsd, o.EngineeringUsd }).ToList();
        var allowed = known.Concat(known.SelectMany(x => known.Select(y => Math.Abs(x - y))))
            .Append(m.Migration.Usd).Append(m.Migration.HourlyRateUsd)
            .Select(v => v.ToString("#,##0.00", CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        foreach (Match d in Dollars().Matches(m.Summary(a)))
        {
            if (!allowed.Contains(d.Groups[1].Value))
            {
                problems.Add($"summary quotes ${d.Groups[1].Value}, a figure the cost summary does not print");
            }
        }

        return problems;
    }

    private static BerthSpec Current(BerthSpec spec, CurrentPlatform current) => spec with { CurrentPlatform = current };
}
