using System.ComponentModel;
using System.Globalization;
using Berth.Cli.Infrastructure;
using Berth.Costing;
using Berth.Decision;
using Berth.Formatting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands;

public sealed class AssessCommand(CliContext cli) : Command<AssessCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<spec>")]
        [Description("Path of the berth.yaml to assess.")]
        public string Spec { get; init; } = "";

        [CommandOption("-f|--format <FORMAT>")]
        [Description("text (tables), json (the stable contract) or markdown.")]
        [DefaultValue("text")]
        public string Format { get; init; } = "text";

        public override ValidationResult Validate() => OutputFormats.Check(Format, "text", "json", "markdown");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var spec = SpecInput.LoadChecked(cli, settings.Spec);

        // The criteria that argue from cost read the same priced plans the summary below the reasons prints.
        var costs = Guard.Costing(() => CostEngine.Estimate(spec, CostEngine.CatalogFor(spec)));
        var assessment = DecisionEngine.Assess(spec, costs);
        switch (settings.Format)
        {
            case "json":
                cli.Out.Write(AssessmentFormats.ToJson(assessment, costs));
                break;
            case "markdown":
                cli.Out.Write(AssessmentFormats.ToMarkdown(assessment, spec));
                cli.Out.Write("\n" + CostSummary.Markdown(costs));
                break;
            default:
                RenderText(spec.Name, assessment);
                RenderCosts(costs);
                break;
        }

        return ExitCodes.Ok;
    }

    private void RenderText(string name, Assessment a)
    {
        var ansi = cli.Ansi;
        var winner = PlatformIds.Id(a.Recommendation);
        var headline = a.CloseCall
            ? $"[bold]{winner}[/] — a close call ({Score(a)}): the reasons below decide, not the totals"
            : $"[bold]{winner}[/] ({Score(a)})";
        ansi.Write(new Panel(new Markup(headline))
            .Header($"berth assess: {Markup.Escape(name)}")
            .Border(BoxBorder.Rounded)
            .Expand());
        if (a.Current is { } current)
        {
            RenderCurrent(current, a);
        }

        var reasons = new Table().Border(TableBorder.Simple).Expand();
        reasons.AddColumn(new TableColumn("Weight").RightAligned());
        reasons.AddColumn("Favours");
        reasons.AddColumn("Reason");
        foreach (var r in a.Reasons.Where(r => r.Favours != Favours.Neutral))
        {
            reasons.AddRow(
                r.Weight.ToString(CultureInfo.InvariantCulture),
                PlatformIds.Id(r.Favours),
                Markup.Escape(r.Text));
        }

        ansi.Write(reasons);
        var neutral = a.Reasons.Where(r => r.Favours == Favours.Neutral).Select(r => r.Id).ToArray();
        if (neutral.Length > 0)
        {
            ansi.WriteLine($"Considered, neutral for this input: {string.Join(", ", neutral)} (--format json or markdown has their reasons).");
        }

        if (a.Counterfactuals.Count == 0)
        {
            ansi.WriteLine("No single change to the input flips the recommendation.");
        }
        else
        {
            ansi.WriteLine("What would change the answer:");
            foreach (var c in a.Counterfactuals)
            {
                ansi.MarkupLine($"  • {Markup.Escape(c.Change)} → [bold]{PlatformIds.Id(c.Recommendation)}[/]");
            }
        }
    }

    /// <summary>What the team runs today against the recommendation; the reasons table below is what moving adds and gives up.</summary>
    private void RenderCurrent(MoveAssessment m, Assessment a)
    {
        var ansi = cli.Ansi;
        ansi.WriteLine(m.Summary(a));
        if (m.Current is { } now && m.Target is { } to)
        {
            var table = new Table().Border(TableBorder.Simple);
            table.AddColumn("Monthly");
            table.AddColumn(new TableColumn(Markup.Escape(now.Id + " (now)")).RightAligned());
            table.AddColumn(new TableColumn(Markup.Escape(to.Id)).RightAligned());
            table.AddColumn(new TableColumn("Change").RightAligned());
            table.AddRow("Infrastructure", "$" + Fmt.Usd(now.InfrastructureUsd), "$" + Fmt.Usd(to.InfrastructureUsd), MoveAssessment.Change(m.InfrastructureChangeUsd!.Value));
            table.AddRow("Engineering time (est.)", "$" + Fmt.Usd(now.EngineeringUsd), "$" + Fmt.Usd(to.EngineeringUsd), MoveAssessment.Change(m.EngineeringChangeUsd!.Value));
            table.AddRow("Total", "$" + Fmt.Usd(now.MonthlyUsd), "$" + Fmt.Usd(to.MonthlyUsd), MoveAssessment.Change(m.MonthlyChangeUsd!.Value));
            ansi.Write(table);
        }

        if (m.Target is not null)
        {
            ansi.WriteLine("One-time migration (estimated): " + string.Join("; ", m.Migration.Tasks.Select(t => t.Description + " " + MoveAssessment.Hours(t.Hours) + " h")) + ".");
        }

        if (m.SamePlatform is { } same)
        {
            var once = same.Migration is { } sm ? $", about {MoveAssessment.Hours(sm.Hours)} engineer-hours once (estimated)" : "";
            ansi.WriteLine($"Without changing platform: {same.Option.Id} would cost ${Fmt.Usd(same.SavingUsd)} a month less than {m.Current!.Id}{once}.");
        }

        foreach (var note in m.Notes)
        {
            ansi.WriteLine("Note: " + note);
        }

        ansi.WriteLine($"Below, the reasons for {PlatformIds.Id(m.Other)} are what moving adds; those for {PlatformIds.Id(m.RunsOn)}, what it gives up.");
    }

    private void RenderCosts(CostReport report)
    {
        var table = new Table().Border(TableBorder.Simple).Title("Monthly cost (berth cost has the line items)");
        table.AddColumn("Option");
        table.AddColumn(new TableColumn("Infrastructure").RightAligned());
        table.AddColumn(new TableColumn("Engineering time (est.)").RightAligned());
        table.AddColumn(new TableColumn("Total").RightAligned());
        foreach (var o in report.Ranked())
        {
            table.AddRow(Markup.Escape(o.Id + (o.Estimated ? " *" : "")) + (o.Feasible ? "" : " [red](cannot run)[/]"), "$" + Fmt.Usd(o.InfrastructureUsd), "$" + Fmt.Usd(o.EngineeringUsd), "$" + Fmt.Usd(o.MonthlyUsd));
        }

        cli.Ansi.Write(table);
        foreach (var o in report.Ranked().Where(o => !o.Feasible))
        {
            cli.Ansi.MarkupLine(Markup.Escape($"{o.Id} cannot run: {string.Join("; ", o.Infeasible)}"));
        }

        cli.Ansi.WriteLine(CostSummary.Footnote(report));
    }

    private static string Score(Assessment a) =>
        string.Create(CultureInfo.InvariantCulture, $"ecs-fargate {a.EcsScore} vs eks {a.EksScore}");
}
