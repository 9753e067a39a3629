using System.ComponentModel;
using System.Globalization;
using Berth.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands;

public sealed class ValidateCommand(CliContext cli) : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<spec>")]
        [Description("Path of the berth.yaml to check.")]
        public string Spec { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var spec = SpecInput.LoadChecked(cli, settings.Spec);
        var declared = spec.Services.Select(s => s.BaseName).Distinct(StringComparer.Ordinal).Count();
        var pods = spec.Services.Sum(s => s.MaxReplicas);
        cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{settings.Spec}: valid — '{spec.Name}' in {spec.Region}, {spec.Services.Count} services ({declared} declared), up to {pods} replicas"));
        return ExitCodes.Ok;
    }
}
