using Berth.Costing;
using Berth.Planning;
using Berth.Spec;
using static System.FormattableString;

namespace Berth.Decision;

/// <summary>An option's monthly figures as the cost summary prints them.</summary>
public sealed record OptionFigures(string Id, decimal InfrastructureUsd, decimal EngineeringUsd, decimal MonthlyUsd, bool Feasible)
{
    public static OptionFigures Of(CostOption o) => new(o.Id, o.InfrastructureUsd, o.EngineeringUsd, o.MonthlyUsd, o.Feasible);
}

/// <summary>A one-time migration: its parts, total engineer-hours and their cost at the team's hourly rate (an estimate).</summary>
public sealed record MigrationEstimate(IReadOnlyList<MigrationTask> Tasks, decimal HourlyRateUsd)
{
    public decimal Hours => Tasks.Sum(t => t.Hours);

    public decimal Usd => Hours * HourlyRateUsd;
}

/// <summary>
/// Another option on the platform the team runs that would cost less a month than what it runs (e.g. Karpenter
/// instead of node groups), with the one-time work when Berth models it.
/// </summary>
public sealed record SamePlatformAlternative(OptionFigures Option, decimal SavingUsd, MigrationEstimate? Migration);

/// <summary>
/// What the team runs today (berth.yaml <c>currentPlatform</c>) set against the recommendation: stay or move, what
/// moving to the other platform's cheapest workable option would change each month and once, and what it adds and
/// gives up — the assessment's own reasons, so this view never argues against the reasons table.
/// </summary>
public sealed record MoveAssessment(
    CurrentPlatform Declared,
    Platform RunsOn,
    OptionFigures? Current,
    IReadOnlyList<string> Notes,
    bool Move,
    OptionFigures? Target,
    MigrationEstimate Migration,
    IReadOnlyList<string> Adds,
    IReadOnlyList<string> Loses)
{
    /// <summary>Another option on the same platform that costs less a month, or null.</summary>
    public SamePlatformAlternative? SamePlatform { get; init; }

    /// <summary>Monthly change of moving to <see cref="Target"/>: negative saves (null when either side has no figures).</summary>
    public decimal? MonthlyChangeUsd => Current is { } c && Target is { } t ? t.MonthlyUsd - c.MonthlyUsd : null;

    public decimal? InfrastructureChangeUsd => Current is { } c && Target is { } t ? t.InfrastructureUsd - c.InfrastructureUsd : null;

    public decimal? EngineeringChangeUsd => Current is { } c && Target is { } t ? t.EngineeringUsd - c.EngineeringUsd : null;

    /// <summary>Whole months until the monthly saving repays the one-time migration; null when the move saves nothing a month.</summary>
    public int? PaybackMonths => MonthlyChangeUsd is { } d && d < 0 ? (int)Math.Ceiling(Migration.Usd / -d) : null;

    /// <summary>The platform the team would move to.</summary>
    public Platform Other => RunsOn == Platform.Eks ? Platform.EcsFargate : Platform.Eks;

    /// <summary>One paragraph: stay or move, and what moving would change, with the figures the cost table prints.</summary>
    public string Summary(Assessment a)
    {
        var runs = Current?.Id ?? SpecEnums.CurrentPlatform.NameOf(Declared);
        var verdict = Move
            ? Invariant($"You run {runs} now; Berth recommends {PlatformIds.Id(Other)}.")
            : Invariant($"You run {runs} now and Berth recommends {PlatformIds.Id(RunsOn)}: stay.");
        if (Target is not { } target)
        {
            return verdict + Invariant($" No {PlatformIds.Id(Other)} option can run this workload as specified, so there is nothing to move to (the cost summary says why).");
        }

        var once = Invariant($"about {Hours(Migration.Hours)} engineer-hours once ({CostFacts.Usd(Migration.Usd)} at {CostFacts.Usd(Migration.HourlyRateUsd)}/h, estimated)");
        var text = verdict + " Moving to " + target.Id + " would ";
        if (MonthlyChangeUsd is { } change)
        {
            text += change < 0
                ? Invariant($"save {CostFacts.Usd(-change)} a month")
                : Invariant($"add {CostFacts.Usd(change)} a month");
            text += Invariant($" ({Change(InfrastructureChangeUsd!.Value)} infrastructure, {Change(EngineeringChangeUsd!.Value)} engineering time) and take {once}");
            text += PaybackMonths is { } months
                ? Invariant($"; it pays back in {months} month{(months == 1 ? "" : "s")}.")
                : "; it never pays back in money, so only what the other platform adds can justify it.";
        }
        else
        {
            text += "take " + once + ".";
        }

        if (Move && a.CloseCall)
        {
            text += " The recommendation is a close call and its scores do not count the move's one-time cost: staying is defensible.";
        }
        else if (!Move && PaybackMonths is not null)
        {
            var (here, there) = RunsOn == Platform.Eks ? (a.EksScore, a.EcsScore) : (a.EcsScore, a.EksScore);
            text += Invariant($" Berth still says stay: the reasons for {PlatformIds.Id(RunsOn)} (score {here} against {there}) outweigh the saving.");
        }

        return text;
    }

    /// <summary>"+$1,234.00" or "−$56.00": a monthly change with its sign.</summary>
    public static string Change(decimal usd) => (usd < 0 ? "−" : "+") + CostFacts.Usd(Math.Abs(usd));

    public static string Hours(decimal hours) => Math.Round(hours, 0, MidpointRounding.AwayFromZero).ToString("#,##0", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Builds the <see cref="MoveAssessment"/> of a spec that says what the team runs today.</summary>
public static class Moving
{
    /// <summary>Null when the spec does not say what the team runs (<c>currentPlatform</c>).</summary>
    public static MoveAssessment? Assess(BerthSpec spec, Assessment assessment, CostReport costs)
    {
        if (spec.CurrentPlatform is not { } declared)
        {
            return null;
        }

        var runsOn = declared == CurrentPlatform.EcsFargate ? Platform.EcsFargate : Platform.Eks;
        var notes = new List<string>();
        var current = Current(declared, costs, notes);
        var other = runsOn == Platform.Eks ? Platform.EcsFargate : Platform.Eks;
        var target = CostFacts.Cheapest(costs, other == Platform.Eks ? CostFacts.Eks : CostFacts.Ecs);
        var migration = new MigrationEstimate(MigrationEffort.Between(spec, other == Platform.Eks ? CostFacts.Eks : CostFacts.Ecs), spec.Team.HourlyRateUsd);
        var adds = Texts(assessment, other);
        var loses = Texts(assessment, runsOn);
        return new MoveAssessment(
            declared,
            runsOn,
            current is null ? null : OptionFigures.Of(current),
            notes,
            assessment.Recommendation != runsOn,
            target is null ? null : OptionFigures.Of(target),
            migration,
            adds,
            loses)
        {
            SamePlatform = SamePlatform(spec, costs, current, runsOn),
        };
    }

    private static CostOption? Current(CurrentPlatform declared, CostReport costs, List<string> notes)
    {
        if (declared == CurrentPlatform.Eks)
        {
            var cheapest = CostFacts.Cheapest(costs, CostFacts.Eks);
            notes.Add(cheapest is null
                ? "currentPlatform: eks does not say how the nodes come about, and no EKS option can run this workload as specified, so the current platform has no figures."
                : Invariant($"currentPlatform: eks does not say how the nodes come about (Karpenter, node groups or Fargate): priced as {cheapest.Id}, the cheapest EKS option that can run the workload; set currentPlatform to the option you run for its own figures."));
            return cheapest;
        }

        var id = SpecEnums.CurrentPlatform.NameOf(declared);
        var option = costs.Options.FirstOrDefault(o => o.Id == id);
        if (option is null)
        {
            notes.Add(Invariant($"currentPlatform: {id} was not priced for this spec, so the current platform has no figures."));
        }
        else if (!option.Feasible)
        {
            notes.Add(Invariant($"Berth's plan of {id}, the option you run, cannot carry the demand berth.yaml describes ({string.Join("; ", option.Infeasible)}): if your platform copes today, the demand in berth.yaml is higher than what it sees."));
        }

        return option;
    }

    /// <summary>A cheaper option on the platform the team already runs, by more than the cost tie margin.</summary>
    private static SamePlatformAlternative? SamePlatform(BerthSpec spec, CostReport costs, CostOption? current, Platform runsOn)
    {
        if (current is null || runsOn != Platform.Eks)
        {
            return null;
        }

        var best = costs.Ranked().FirstOrDefault(o => o.Feasible && o.Platform == CostFacts.Eks && o.Id != current.Id);
        if (best is null || best.MonthlyUsd >= current.MonthlyUsd || CostFacts.Tie(best.MonthlyUsd, current.MonthlyUsd))
        {
            return null;
        }

        var migration = current.Id == OptionIds.EksNodeGroups && best.Id == OptionIds.EksKarpenter
            ? new MigrationEstimate(MigrationEffort.NodeGroupsToKarpenter(spec), spec.Team.HourlyRateUsd)
            : null;
        return new SamePlatformAlternative(OptionFigures.Of(best), current.MonthlyUsd - best.MonthlyUsd, migration);
    }

    /// <summary>The texts of the reasons that favour <paramref name="platform"/>, heaviest first, as the reasons table orders them.</summary>
    private static string[] Texts(Assessment a, Platform platform)
    {
        var side = platform == Platform.Eks ? Favours.Eks : Favours.EcsFargate;
        return a.Reasons.Where(r => r.Favours == side)
            .OrderByDescending(r => r.Weight).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => r.Text).ToArray();
    }
}
