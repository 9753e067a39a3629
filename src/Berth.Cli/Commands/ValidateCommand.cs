using System.ComponentModel;
using System.Globalization;
using Berth.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands;

public sealed class ValidateCommand(CliContext cli) : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<spec...>")]
        [Description("Paths of the berth.yaml files to check (several at once, as a pre-commit hook passes them).")]
        public string[] Specs { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Every file is checked and every error said, then the command fails if any file had one.
        var errors = new List<string>();
        foreach (var path in settings.Specs)
        {
            try
            {
                var spec = SpecInput.LoadChecked(cli, path);
                var declared = spec.Services.Select(s => s.BaseName).Distinct(StringComparer.Ordinal).Count();
                var pods = spec.Services.Sum(s => s.MaxReplicas);
                cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{path}: valid — '{spec.Name}' in {spec.Region}, {spec.Services.Count} services ({declared} declared), up to {pods} replicas"));
            }
            catch (UserErrorException e)
            {
                errors.AddRange(e.Lines);
            }
        }

        return errors.Count == 0 ? ExitCodes.Ok : throw new UserErrorException(errors);
    }
}
