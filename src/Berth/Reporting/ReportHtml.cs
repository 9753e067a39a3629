using System.Globalization;
using Berth.Catalog;
using Berth.Decision;
using Berth.Formatting;
using Berth.Packing;
using Berth.Reporting.Charts;
using Berth.Simulation;
using Berth.Spec;
using static Berth.Reporting.HtmlWriter;

namespace Berth.Reporting;

/// <summary>
/// The report as one self-contained HTML page: inline CSS and SVG only (no scripts, fonts, images or links to
/// fetch), light and dark colour schemes, print styles, and a table of the exact figures beside each chart. The
/// same model gives the same bytes: no timestamp, invariant culture.
/// </summary>
public static class ReportHtml
{
    /// <summary>The sections, in order: id and heading.</summary>
    public static IReadOnlyList<(string Id, string Heading)> Sections { get; } =
    [
        ("recommendation", "Recommendation"),
        ("cost", "Monthly cost"),
        ("crossover", "Crossover: cost as the platform grows"),
        ("nodes", "Node plan"),
        ("simulation", "Simulation"),
        ("lint", "Lint"),
        ("assumptions", "Assumptions, prices and catalog"),
    ];

    public static string Render(ReportModel m)
    {
        var h = new HtmlWriter();
        h.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Raw("<meta name=\"color-scheme\" content=\"light dark\" />\n")
            .Raw("<meta name=\"generator\" content=\"Berth " + Escape(m.Version) + "\" />\n")
            .El("title", "Berth report: " + m.Spec.Name)
            .Raw("<style>\n").Raw(Css).Raw("</style>\n</head>\n<body>\n");

        h.Open("header");
        h.El("h1", "Berth report: " + m.Spec.Name);
        h.El("p", Inv($"{m.Spec.SourcePath} · {m.Spec.Environment} · {m.Spec.Region} · {m.Spec.Services.Count} services · {m.Spec.Team.Engineers} engineers in {m.Spec.Team.OwningTeams} owning team(s)"), "class=\"meta\"");
        h.Open("nav", "aria-label=\"Contents\"").Open("ol");
        foreach (var (id, heading) in Sections)
        {
            h.Open("li", newline: false).El("a", heading, $"href=\"#{id}\"", newline: false).Close("li");
        }

        h.Close("ol").Close("nav").Close("header");
        h.Open("main");
        var figures = new FigureCounter();
        Recommendation(h, m);
        Cost(h, m, figures);
        Crossover(h, m, figures);
        Nodes(h, m, figures);
        Simulation(h, m, figures);
        Lint(h, m);
        Assumptions(h, m);
        h.Close("main");
        h.Open("footer");
        h.El("p", Inv($"Made by Berth {m.Version} from {m.Spec.SourcePath} with the {m.Catalog.Origin} catalog as of {m.Catalog.AsOf}. The same spec, catalog, days and seed give the same report."));
        h.Close("footer");
        h.Raw("</body>\n</html>\n");
        return h.ToString();
    }

    private sealed class FigureCounter
    {
        public int Next { get; private set; }

        public int Take() => ++Next;
    }

    private static void Start(HtmlWriter h, string id)
    {
        var heading = Sections.First(s => s.Id == id).Heading;
        h.Open("section", $"id=\"{id}\" aria-labelledby=\"{id}-h\"");
        h.El("h2", heading, $"id=\"{id}-h\"");
    }

    private static void Unavailable(HtmlWriter h, string why) => h.El("p", why, "class=\"unavailable\"");

    /// <summary>A chart beside the table of its exact figures.</summary>
    private static void Figure(HtmlWriter h, FigureCounter figures, Chart chart, string caption, Action<HtmlWriter> table, bool wide = false)
    {
        var n = figures.Take();
        h.Open("div", wide ? "class=\"pair wide\"" : "class=\"pair\"");
        h.Open("figure", $"id=\"fig-{chart.Id}\"");
        h.Raw(ChartRenderer.InlineSvg(chart));
        h.El("figcaption", Inv($"Figure {n}. {caption}"));
        h.Close("figure");
        h.Open("div", "class=\"figures\"");
        table(h);
        h.Close("div");
        h.Close("div");
    }

    private static string Name(Platform p) => p == Platform.Eks ? "EKS" : "ECS on Fargate";

    private static string Favoured(Favours f) => f switch
    {
        Favours.EcsFargate => PlatformIds.EcsFargate,
        Favours.Eks => PlatformIds.Eks,
        _ => "neither",
    };

    private static void Recommendation(HtmlWriter h, ReportModel m)
    {
        var a = m.Assessment;
        Start(h, "recommendation");
        h.Open("p", "class=\"verdict\"", newline: false).Text("Berth recommends ").El("strong", Name(a.Recommendation) + " (" + PlatformIds.Id(a.Recommendation) + ")", newline: false)
            .Text(a.CloseCall ? " — a close call: small changes to the input could flip it (see below)." : ".").Close("p");
        h.El("p", Inv($"Scores: {PlatformIds.EcsFargate} {a.EcsScore}, {PlatformIds.Eks} {a.EksScore} (the sum of the weights of the reasons favouring each; a tie goes to ECS on Fargate, the simpler platform)."));
        if (a.Current is { } current)
        {
            Current(h, current, a);
        }

        var bearing = a.Reasons.Where(r => r.Favours != Favours.Neutral).ToArray();
        h.Table("Reasons, strongest first", ["#Weight", "Favours", "Criterion", "Reason"],
            bearing.Select(r => (IReadOnlyList<string>)[r.Weight.ToString(CultureInfo.InvariantCulture), Favoured(r.Favours), r.Id, r.Text]), "reasons");
        var neutral = a.Reasons.Where(r => r.Favours == Favours.Neutral).ToArray();
        if (neutral.Length > 0)
        {
            h.El("h3", "Criteria that do not bear on this input");
            h.Open("ul", "class=\"neutral\"");
            foreach (var r in neutral)
            {
                h.Open("li", newline: false).El("span", r.Id, "class=\"id\"", newline: false).Text(": " + r.Text).Close("li");
            }

            h.Close("ul");
        }

        h.El("h3", "What would change the answer");
        if (a.Counterfactuals.Count == 0)
        {
            h.El("p", "No single change Berth tries (team size and expertise, service count, timeline, each requirement) flips this recommendation.");
        }
        else
        {
            h.Open("ul", "class=\"counterfactuals\"");
            foreach (var c in a.Counterfactuals)
            {
                h.Open("li", newline: false).Text("The recommendation would be ").El("strong", PlatformIds.Id(c.Recommendation), newline: false).Text(" " + c.Change + ".").Close("li");
            }

            h.Close("ul");
        }

        h.Close("section");
    }

    /// <summary>The platform the team runs today (berth.yaml currentPlatform) against the recommendation: stay or move, and what moving changes.</summary>
    private static void Current(HtmlWriter h, MoveAssessment m, Assessment a)
    {
        h.El("h3", "The platform you run now");
        h.El("p", m.Summary(a), "class=\"current\"");
        if (m.Current is { } now && m.Target is { } to)
        {
            h.Table("What moving would change each month", ["Monthly", "#" + now.Id + " (now)", "#" + to.Id, "#Change"],
            [
                ["Infrastructure", "$" + Fmt.Usd(now.InfrastructureUsd), "$" + Fmt.Usd(to.InfrastructureUsd), MoveAssessment.Change(m.InfrastructureChangeUsd!.Value)],
                ["Engineering time (estimated)", "$" + Fmt.Usd(now.EngineeringUsd), "$" + Fmt.Usd(to.EngineeringUsd), MoveAssessment.Change(m.EngineeringChangeUsd!.Value)],
                ["Total", "$" + Fmt.Usd(now.MonthlyUsd), "$" + Fmt.Usd(to.MonthlyUsd), MoveAssessment.Change(m.MonthlyChangeUsd!.Value)],
            ], "move");
        }

        if (m.Target is not null)
        {
            h.Table(Inv($"One-time migration (estimated): {MoveAssessment.Hours(m.Migration.Hours)} engineer-hours, ${Fmt.Usd(m.Migration.Usd)}"), ["Work", "#Hours"],
                m.Migration.Tasks.Select(t => (IReadOnlyList<string>)[t.Description, MoveAssessment.Hours(t.Hours)]), "migration");
        }

        if (m.SamePlatform is { } same)
        {
            var once = same.Migration is { } sm ? Inv($", about {MoveAssessment.Hours(sm.Hours)} engineer-hours once (estimated)") : "";
            h.El("p", Inv($"Without changing platform: {same.Option.Id} would cost ${Fmt.Usd(same.SavingUsd)} a month less than {m.Current!.Id}{once}."));
        }

        foreach (var note in m.Notes)
        {
            h.El("p", note, "class=\"note\"");
        }

        h.El("p", Inv($"In the reasons below, those for {PlatformIds.Id(m.Other)} are what moving adds; those for {PlatformIds.Id(m.RunsOn)}, what it gives up."));
    }

    private static void Cost(HtmlWriter h, ReportModel m, FigureCounter figures)
    {
        var r = m.Cost;
        Start(h, "cost");
        var cheapest = r.Cheapest();
        var cheapestInfra = r.Cheapest(infrastructureOnly: true);
        h.El("p", (cheapest is null || cheapestInfra is null
            ? "No option can run the workload as planned (the reasons follow). "
            : $"Cheapest with engineering time: {cheapest.Id} at ${Fmt.Usd(cheapest.MonthlyUsd)} a month. Cheapest on infrastructure alone: {cheapestInfra.Id} at ${Fmt.Usd(cheapestInfra.InfrastructureUsd)}. ")
            + $"Engineering time is Berth's estimate of the hours a platform takes to run (docs/cost-model.md), at ${Fmt.Usd(m.Spec.Team.HourlyRateUsd)} an hour.");
        foreach (var o in r.Ranked().Where(o => !o.Feasible))
        {
            h.El("p", $"{o.Id} cannot run: {string.Join("; ", o.Infeasible)}", "class=\"note\"");
        }

        var groups = CostChart.Groups(r);
        Figure(h, figures, CostChart.For(r), "Monthly cost of each option, stacked by line-item group; engineering time (grey, top) is an estimate.", t =>
            t.Table("Monthly cost by group (USD)", ["Option", .. groups.Select(g => "#" + g), "#Infrastructure", "#Total"],
                r.Options.Select(o => (IReadOnlyList<string>)[o.Id, .. groups.Select(g => Fmt.Usd(CostChart.GroupUsd(o, g))), Fmt.Usd(o.InfrastructureUsd), Fmt.Usd(o.MonthlyUsd)]), "cost-table"));
        h.Open("details");
        h.El("summary", "Every line item");
        foreach (var o in r.Options)
        {
            h.Table(o.Id + ": " + o.Title, ["Item", "#Quantity", "Unit", "#Unit price (USD)", "#Monthly (USD)"],
                o.LineItems.Select(l => (IReadOnlyList<string>)[l.Description + (l.Estimated ? " *" : ""), Fmt.Number(l.Quantity), l.Unit, l.UnitPriceUsd.ToString(CultureInfo.InvariantCulture), Fmt.Usd(l.MonthlyUsd)]));
            foreach (var n in o.Notes)
            {
                h.El("p", "Note: " + n, "class=\"note\"");
            }
        }

        h.El("p", "* an estimate; how each was made is listed under Assumptions.", "class=\"note\"");
        h.Close("details");
        h.Close("section");
    }

    private static void Crossover(HtmlWriter h, ReportModel m, FigureCounter figures)
    {
        Start(h, "crossover");
        if (m.Crossover.Value is not { } x)
        {
            Unavailable(h, m.Crossover.Unavailable ?? "");
            h.Close("section");
            return;
        }

        h.El("p", "Priced at each count. " + Capitalised(x.Varied) + ". " + Capitalised(x.Held) + ".");
        var timeline = Berth.Costing.Crossover.Cheapest(x);
        h.Open("ul", "class=\"cheapest\"");
        foreach (var line in Berth.Costing.Crossover.Describe(timeline, x.From, x.To))
        {
            h.El("li", Capitalised(line).TrimEnd('.') + ".");
        }

        h.Close("ul");
        if (x.Crossings.Count > 0)
        {
            h.Open("details");
            h.El("summary", Inv($"Every pairwise crossing of two options' lines ({x.Crossings.Count}), flapping included"));
            h.Open("ul", "class=\"crossings\"");
            foreach (var c in x.Crossings)
            {
                h.El("li", c.Describe() + ".");
            }

            h.Close("ul");
            h.Close("details");
        }

        Figure(h, figures, CrossoverChart.For(x), "Total monthly cost (solid) and infrastructure only (dashed) against the number of services; dotted lines mark where the cheapest option changes and stays changed, shading where it flaps.", t =>
            t.Table("Monthly cost by number of services (USD); infrastructure only in brackets", ["#Services", .. x.Options.Select(id => "#" + id)],
                x.Points.Select(p => (IReadOnlyList<string>)[p.Services.ToString(CultureInfo.InvariantCulture), .. x.Options.Select(id => $"{Fmt.Usd(p.TotalUsd[id])} ({Fmt.Usd(p.InfrastructureUsd[id])})")]), "crossover-table"), wide: true);
        h.Close("section");
    }

    private static void Nodes(HtmlWriter h, ReportModel m, FigureCounter figures)
    {
        Start(h, "nodes");
        if (m.Nodes.Value is not { } plan)
        {
            Unavailable(h, m.Nodes.Unavailable ?? "");
            h.Close("section");
            return;
        }

        h.El("p", Inv($"The {plan.Karpenter.PodSet.Pods.Count} pods of the busiest hour ({plan.HourText}) packed onto EC2 nodes for eks-karpenter: as Karpenter's scheduler would (Karpenter mode), with Berth's cheaper packing (Berth mode), and the linear-programming lower bound no packing can beat. Allocatable as Karpenter computes it for AL2023, after DaemonSets."));
        PackingResult[] modes = [plan.Karpenter, plan.Berth];
        Figure(h, figures, NodePlanCharts.Cost(plan), "Hourly node cost of the two packings and the lower bound.", t =>
            t.Table("Node cost per hour", ["Packing", "#Nodes", "#USD per hour", "#Above the lower bound"],
            [
                .. modes.Select(p => (IReadOnlyList<string>)[PackFormats.ModeId(p.Mode) + " mode", p.Nodes.Count.ToString(CultureInfo.InvariantCulture), p.HourlyUsd.ToString("0.####", CultureInfo.InvariantCulture), PackFormats.Percent(p.Gap)]),
                ["lower bound", "", plan.Karpenter.LowerBoundHourlyUsd.ToString("0.####", CultureInfo.InvariantCulture), "0.0%"],
            ], "nodes-cost-table"));
        Figure(h, figures, NodePlanCharts.Utilisation(plan), "CPU and memory requested on each node Karpenter would launch, as a share of its allocatable (nodes numbered as in the table).", t =>
        {
            t.Table("karpenter mode: each node", ["#Node", "Instance type", "Capacity", "#Pods", "#CPU", "#Memory", "#USD per hour"],
                plan.Karpenter.Nodes.Select((n, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), n.InstanceType, n.Capacity == CapacityType.Spot ? "spot" : "on-demand", n.Used.Pods.ToString(CultureInfo.InvariantCulture), PackFormats.Percent(n.CpuUtilisation), PackFormats.Percent(n.MemoryUtilisation), n.HourlyUsd.ToString("0.####", CultureInfo.InvariantCulture)]),
                "nodes-karpenter-table");
            t.Table("berth mode: nodes by instance type", ["Instance type", "Capacity", "#Nodes", "#Pods", "#CPU", "#Memory", "#USD per hour"],
                NodePlan.Groups(plan.Berth).Select(g => (IReadOnlyList<string>)[g.InstanceType, g.Capacity, g.Nodes.ToString(CultureInfo.InvariantCulture), g.Pods.ToString(CultureInfo.InvariantCulture), PackFormats.Percent(g.CpuUtilisation), PackFormats.Percent(g.MemoryUtilisation), g.HourlyUsd.ToString("0.####", CultureInfo.InvariantCulture)]),
                "nodes-berth-table");
        });
        if (plan.Karpenter.Unschedulable.Count > 0)
        {
            var services = plan.Karpenter.Unschedulable.Select(i => plan.Karpenter.PodSet.Services[plan.Karpenter.PodSet.Pods[i].Service]).Distinct(StringComparer.Ordinal);
            h.El("p", "Unschedulable (no allowed instance type holds them): " + string.Join(", ", services) + ".", "class=\"warning\"");
        }

        h.Close("section");
    }

    private static void Simulation(HtmlWriter h, ReportModel m, FigureCounter figures)
    {
        Start(h, "simulation");
        if (m.Simulation.Value is not { } sim)
        {
            Unavailable(h, m.Simulation.Unavailable ?? "");
            h.Close("section");
            return;
        }

        var runs = sim.Settings.Runs;
        h.El("p", Inv($"{sim.Settings.Days} days of the spec's demand replayed minute by minute on each platform, {runs} {(runs == 1 ? "run" : "runs")} from seed {sim.Settings.Seed} (each run its own demand noise, Spot interruptions and start times): autoscaling, task and node start-up, Spot interruptions. The table gives the median (p50) and 95th percentile (p95) over the runs; shortfall minutes over every simulated day of every run. The daily charts show the first run. Model: docs/simulate.md."));
        // Percentiles over the runs (R-7, Simulation.Percentiles); shortfall minutes over every day of every run (docs/simulate.md defines a shortfall minute); nodes only for the EKS options on EC2.
        string P(Percentiles p, string f) => p.P50.ToString(f, CultureInfo.InvariantCulture) + " / " + p.P95.ToString(f, CultureInfo.InvariantCulture);
        h.Table(Inv($"Simulation summary over {runs} {(runs == 1 ? "run" : "runs")}: p50 / p95"), ["Option", "#USD per month", "#Shortfall min/day", "#Unserved demand %", "#Spot interruptions", "#In-flight losses", "#Scale events", "#Nodes (mean)", "#Node CPU requested %"],
            sim.Options.Select(o => (IReadOnlyList<string>)[
                o.Id,
                P(o.Summary.MonthlyUsd, "#,##0.00"),
                P(o.Summary.ShortfallMinutesPerDay, "0.#"),
                P(o.Summary.UnservedDemandPct, "0.###"),
                P(o.Summary.Interruptions, "0.#"),
                P(o.Summary.InFlightLosses, "0.#"),
                P(o.Summary.ScaleEvents, "0.#"),
                o.Run.PeakNodes == 0 ? "–" : P(o.Summary.AverageNodes, "0.0"),
                o.Run.PeakNodes == 0 ? "–" : P(o.Summary.NodeCpuUtilisationPct, "0.#")]), "simulation-summary");
        foreach (var n in sim.Notes)
        {
            h.El("p", n, "class=\"note\"");
        }

        foreach (var o in sim.Options)
        {
            foreach (var n in o.Run.Notes)
            {
                h.El("p", o.Id + ": " + n, "class=\"note\"");
            }
        }

        string Spread(Percentiles p, string f) => Inv($"{p.Min.ToString(f, CultureInfo.InvariantCulture)} to {p.Max.ToString(f, CultureInfo.InvariantCulture)}");
        Figure(h, figures, SimulationCharts.CostSpread(sim), Inv($"Each run's monthly cost against its option's median: the spread of {runs} runs."), t =>
            t.Table("Monthly cost across runs (USD)", ["Option", "#p50", "#p95", "#Lowest to highest run"],
                sim.Options.Select(o => (IReadOnlyList<string>)[o.Id, o.Summary.MonthlyUsd.P50.ToString("#,##0.00", CultureInfo.InvariantCulture), o.Summary.MonthlyUsd.P95.ToString("#,##0.00", CultureInfo.InvariantCulture), Spread(o.Summary.MonthlyUsd, "#,##0.00")]), "simulation-cost-spread-table"));
        Figure(h, figures, SimulationCharts.ShortfallSpread(sim), Inv($"Shortfall minutes of every simulated day of the {runs} runs."), t =>
            t.Table("Shortfall minutes per day across runs", ["Option", "#p50", "#p95", "#Best to worst day"],
                sim.Options.Select(o => (IReadOnlyList<string>)[o.Id, o.Summary.ShortfallMinutesPerDay.P50.ToString("0.#", CultureInfo.InvariantCulture), o.Summary.ShortfallMinutesPerDay.P95.ToString("0.#", CultureInfo.InvariantCulture), Spread(o.Summary.ShortfallMinutesPerDay, "0")]), "simulation-shortfall-spread-table"));

        string N(double v, string f = "0.##") => v.ToString(f, CultureInfo.InvariantCulture);
        IEnumerable<IReadOnlyList<string>> DayRows(Func<SimulationBucket, string> cell) =>
            sim.Options[0].Days.Select((d, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), .. sim.Options.Select(o => cell(o.Days[i]))]);

        Figure(h, figures, SimulationCharts.Capacity(sim), "Hourly mean demand (dashed) and each option's serving capacity, first run.", t =>
            t.Table("Demand and serving capacity per day (vCPU): mean demand, peak demand, then each option's mean serving capacity", ["#Day", "#Mean demand", "#Peak demand", .. sim.Options.Select(o => "#" + o.Id)],
                sim.Options[0].Days.Select((d, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), N(d.DemandVcpu), N(d.PeakDemandVcpu), .. sim.Options.Select(o => N(o.Days[i].ServingVcpu))]), "simulation-capacity-table"));
        Figure(h, figures, SimulationCharts.Cost(sim), "Cost as it accrues over the simulated days, first run.", t =>
            t.Table("Cumulative cost at the end of each day (USD)", ["#Day", .. sim.Options.Select(o => "#" + o.Id)],
                DayRows(b => b.CostUsd.ToString("#,##0.00", CultureInfo.InvariantCulture)), "simulation-cost-table"));
        h.Close("section");
    }

    private static void Lint(HtmlWriter h, ReportModel m)
    {
        Start(h, "lint");
        if (m.Lint.Value is not { } lint)
        {
            Unavailable(h, m.Lint.Unavailable ?? "");
            h.Close("section");
            return;
        }

        h.El("p", $"berth lint {lint.Paths}: {lint.Summary}.");
        h.Table("Findings by severity, not suppressed (as berth lint shows them: fail-on " + lint.FailOn + (lint.MinSeverity == "low" ? "" : ", min-severity " + lint.MinSeverity) + ")", ["Severity", "#Findings", "Fails the lint"],
            lint.BySeverity.Select(c => (IReadOnlyList<string>)[c.Severity, c.Count.ToString(CultureInfo.InvariantCulture), c.Fails ? "yes" : "no"]), "lint-counts");
        if (lint.Findings.Count > 0)
        {
            h.Table(lint.Findings.Count == LintSummary.MaxListed ? Inv($"The first {LintSummary.MaxListed} findings, most severe first") : "Findings, most severe first",
                ["Rule", "Severity", "Where", "Finding"],
                lint.Findings.Select(f => (IReadOnlyList<string>)[f.RuleId, f.Severity + (f.Suppressed ? " (suppressed)" : ""), f.Location, f.Title.Length > 0 ? f.Title + ": " + f.Message : f.Message]), "lint-findings");
        }

        h.Close("section");
    }

    private static void Assumptions(HtmlWriter h, ReportModel m)
    {
        var spec = m.Spec;
        var cat = m.Catalog;
        var prices = new PriceBook(cat, spec.Pricing, spec.Region);
        Start(h, "assumptions");
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "Catalog", Inv($"{cat.Origin}, as of {cat.AsOf} (reference region {cat.ReferenceRegion})") },
            new[] { "Region", spec.Region },
            new[] { "Hours per month", spec.Pricing.HoursPerMonth.ToString(CultureInfo.InvariantCulture) },
            new[] { "Engineering rate", "$" + Fmt.Usd(spec.Team.HourlyRateUsd) + " an hour" },
            new[] { "Compute Savings Plan", spec.Pricing.ComputeSavingsPlan > 0 ? Fmt.Percent(spec.Pricing.ComputeSavingsPlan) + " off on-demand compute" : "none" },
            new[] { "EKS support tier", SpecEnums.SupportTier.NameOf(spec.Eks.SupportTier) },
            new[] { "Decision criteria", Inv($"{DecisionEngine.Criteria.Count} (docs/berth-yaml.md)") },
        };
        if (m.Crossover.Value is { } x)
        {
            rows.Add(["Crossover", Inv($"1 to {x.To} copies of '{x.Template}'")]);
        }

        if (m.Nodes.Value is { } plan)
        {
            rows.Add(["Node plan", Inv($"pods at {plan.HourText} (hour {plan.Hour} of the week, the most requested CPU)")]);
        }

        if (m.Simulation.Value is { } sim)
        {
            var s = sim.Settings;
            rows.Add(["Simulation", Inv($"{s.Days} days, {s.Runs} {(s.Runs == 1 ? "run" : "runs")} from seed {s.Seed} (berth report --runs); Fargate task start {s.FargateStartSeconds} s, pod start {s.PodStartSeconds} s, node start {s.NodeStartSeconds} s, demand noise ±{m.Spec.Simulation.Noise.Amplitude * 100:0.#}%, demand scale {s.DemandScale:0.##}")]);
        }

        h.Table("Assumptions", ["Setting", "Value"], rows, "assumptions-table");

        var priceRows = new List<IReadOnlyList<string>>();
        var archs = spec.Services.Select(sv => sv.Arch).Distinct().Order().ToArray();
        foreach (var arch in archs)
        {
            var f = prices.Fargate(arch);
            var a = arch.ToString().ToLowerInvariant();
            priceRows.Add(PriceRow($"Fargate {a} vCPU-hour", f.Vcpu));
            priceRows.Add(PriceRow($"Fargate {a} GB-hour", f.Gb));
            priceRows.Add(PriceRow($"Fargate Spot {a} vCPU-hour", f.SpotVcpu));
            priceRows.Add(PriceRow($"Fargate Spot {a} GB-hour", f.SpotGb));
        }

        var cp = prices.ControlPlane(spec.Eks.SupportTier);
        priceRows.Add(PriceRow("EKS control plane, cluster-hour", cp));
        if (m.Nodes.Value is { } nodes)
        {
            foreach (var (type, capacity) in nodes.Karpenter.Nodes.Concat(nodes.Berth.Nodes).Select(n => (n.InstanceType, n.Capacity)).Distinct().OrderBy(t => t.InstanceType, StringComparer.Ordinal).ThenBy(t => t.Capacity))
            {
                if (prices.Ec2(type, capacity) is { } q)
                {
                    priceRows.Add(PriceRow($"EC2 {type} {(capacity == CapacityType.Spot ? "Spot" : "on-demand")} instance-hour", q));
                }
            }
        }

        h.Table("Prices used (USD)", ["Price", "#USD", "Basis", "Source", "As of"], priceRows, "prices-table");
        var estimates = m.Cost.Options.SelectMany(o => o.Estimates).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (estimates.Length > 0)
        {
            h.El("h3", "Estimates");
            h.Open("ul", "class=\"estimates\"");
            foreach (var e in estimates)
            {
                h.El("li", e);
            }

            h.Close("ul");
        }

        h.Close("section");
    }

    private static IReadOnlyList<string> PriceRow(string label, PriceQuote q) => [label, Price(q.UsdPerHour), q.BasisText, q.Source, q.AsOf];

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Price(decimal usd) => usd.ToString("0.########", CultureInfo.InvariantCulture);

    private const string Css = """
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --rule: #d1d9e0; --panel: #f6f8fa; --accent: #0b5cad; --warn: #9a6700; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --rule: #3d444d; --panel: #151b23; --accent: #68a8f0; --warn: #d29922; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; padding: 1.5rem; max-width: 78rem; color: var(--fg); background: var(--bg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.8rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
a { color: var(--accent); }
.meta, .note, figcaption, caption, footer { color: var(--muted); }
.note { font-size: 0.9rem; }
.verdict { font-size: 1.2rem; }
.unavailable { padding: 0.75rem 1rem; border: 1px dashed var(--rule); background: var(--panel); }
.warning { color: var(--warn); }
nav ol { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; padding: 0; list-style: none; margin: 0.75rem 0 0; }
.pair { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; align-items: start; margin: 1rem 0 1.5rem; }
.pair.wide { grid-template-columns: minmax(0, 1fr); }
.pair.wide figure { max-width: 56rem; }
@media (max-width: 60rem) { .pair { grid-template-columns: minmax(0, 1fr); } }
figure { margin: 0; }
svg.chart { display: block; width: 100%; height: auto; color: var(--fg); }
figcaption { font-size: 0.9rem; margin-top: 0.25rem; }
.figures { overflow-x: auto; max-height: 32rem; overflow-y: auto; }
table { border-collapse: collapse; margin: 0 0 1rem; font-size: 0.88rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-size: 0.88rem; padding-bottom: 0.25rem; }
th, td { padding: 0.2rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--rule); }
tbody th { font-weight: normal; }
.num { text-align: right; white-space: nowrap; }
th.num { white-space: normal; }
details { margin: 0.5rem 0 1rem; }
summary { cursor: pointer; color: var(--accent); }
ul.neutral { color: var(--muted); font-size: 0.9rem; }
.id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
footer { margin-top: 3rem; padding-top: 0.75rem; border-top: 1px solid var(--rule); font-size: 0.85rem; }
@media print {
  :root { --fg: #000000; --bg: #ffffff; --muted: #444444; --rule: #999999; --panel: #ffffff; --accent: #000000; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  a { text-decoration: none; }
  h2 { break-after: avoid; }
  .pair { grid-template-columns: minmax(0, 1fr); break-inside: avoid; }
  .figures { max-height: none; overflow: visible; }
  figure, tr { break-inside: avoid; }
}
""";
}
