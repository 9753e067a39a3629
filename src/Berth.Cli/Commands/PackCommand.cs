using System.ComponentModel;
using System.Globalization;
using Berth.Cli.Infrastructure;
using Berth.Costing;
using Berth.Packing;
using Berth.Planning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands;

public sealed class PackCommand(CliContext cli) : Command<PackCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<spec>")]
        [Description("Path of the berth.yaml.")]
        public string Spec { get; init; } = "";

        [CommandOption("-m|--mode <MODE>")]
        [Description("karpenter (as Karpenter's scheduler packs) or berth (Berth's cheaper packing).")]
        [DefaultValue("karpenter")]
        public string Mode { get; init; } = "karpenter";

        [CommandOption("--hour <H>")]
        [Description("Hour of the week, 0 (Monday 00:00) to 167; default: the hour with the most requested CPU.")]
        public int? Hour { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description("text or json.")]
        [DefaultValue("text")]
        public string Format { get; init; } = "text";

        public override ValidationResult Validate()
        {
            if (Mode is not ("karpenter" or "berth"))
            {
                return ValidationResult.Error($"--mode: unknown mode '{Mode}'; expected karpenter or berth");
            }

            if (Hour is < 0 or > 167)
            {
                return ValidationResult.Error($"--hour: {Hour} is out of range; expected 0 (Monday 00:00) to 167");
            }

            return OutputFormats.Check(Format, "text", "json");
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var spec = SpecInput.LoadChecked(cli, settings.Spec);
        var catalog = Guard.Catalog(() => CostEngine.CatalogFor(spec));
        var plan = Guard.Costing(() => CostEngine.Plan(spec, catalog)).Find<KarpenterPlan>()
            ?? throw new UserErrorException($"{settings.Spec}: eks.karpenter.enabled is false, so there is no Karpenter plan to pack; turn it on to see how its pods pack");
        var (hour, pods, karpenter, berth) = Packer.AtHour(plan, spec, settings.Hour);
        var shown = settings.Mode == "berth" ? berth : karpenter;
        if (settings.Format == "json")
        {
            cli.Out.Write(PackFormats.ToJson(shown, hour));
            return ExitCodes.Ok;
        }

        var ansi = cli.Ansi;
        var table2 = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{spec.Name}: {pods.Pods.Count} pods at hour {hour} ({PackFormats.HourOfWeek(hour)}), {PackFormats.ModeId(shown.Mode)} mode"));
        table2.AddColumns("Node", "NodePool", "Zone", "Type", "Capacity", "Pods", "CPU", "Memory", "Pod slots", "$/hour");
        var i = 1;
        foreach (var n in shown.Nodes)
        {
            table2.AddRow(
                i++.ToString(CultureInfo.InvariantCulture),
                n.Pool,
                n.Zone,
                n.InstanceType,
                n.Capacity == Spec.CapacityType.Spot ? "spot" : "on-demand",
                n.Used.Pods.ToString(CultureInfo.InvariantCulture),
                PackFormats.Percent(n.CpuUtilisation),
                PackFormats.Percent(n.MemoryUtilisation),
                PackFormats.Percent(n.PodUtilisation),
                n.HourlyUsd.ToString(CultureInfo.InvariantCulture));
        }

        ansi.Write(table2);
        ansi.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{shown.Nodes.Count} nodes, ${shown.HourlyUsd}/hour. Lower bound ${shown.LowerBoundHourlyUsd:0.######}/hour (gap {PackFormats.Percent(shown.Gap)})."));
        ansi.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Karpenter mode ${karpenter.HourlyUsd}/hour (gap {PackFormats.Percent(karpenter.Gap)}); Berth mode ${berth.HourlyUsd}/hour (gap {PackFormats.Percent(berth.Gap)})."));
        if (shown.Unschedulable.Count > 0)
        {
            var limited = shown.OverLimit.ToHashSet();
            var noType = shown.Unschedulable.Where(p => !limited.Contains(p)).ToArray();
            if (noType.Length > 0)
            {
                ansi.MarkupLine("[yellow]unschedulable:[/] " + Markup.Escape(string.Join(", ", noType.Select(p => pods.Services[pods.Pods[p].Service]).Distinct())) + " (no type their NodePool allows holds them)");
            }

            if (limited.Count > 0)
            {
                ansi.MarkupLine("[yellow]pending at the NodePool limits:[/] " + Markup.Escape(string.Join(", ", limited.Select(p => pods.Services[pods.Pods[p].Service]).Distinct())));
            }
        }

        ansi.WriteLine("Prices: " + catalog.Origin + " catalog as of " + catalog.AsOf + "; Spot prices are estimates. Allocatable as Karpenter computes it for AL2023, after DaemonSets.");
        return ExitCodes.Ok;
    }
}
