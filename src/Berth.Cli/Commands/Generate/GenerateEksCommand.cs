using System.ComponentModel;
using Berth.Cli.Infrastructure;
using Berth.Generation;
using Berth.Generation.Eks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands.Generate;

public sealed class GenerateEksCommand(CliContext cli) : Command<GenerateEksCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<spec>")]
        [Description("Path of the berth.yaml to generate from.")]
        public string Spec { get; init; } = "";

        [CommandOption("-o|--output <DIR>")]
        [Description("Folder to write into (created when missing).")]
        public string? Output { get; init; }

        [CommandOption("--force")]
        [Description("Also replace generated files you have edited.")]
        public bool Force { get; init; }

        [CommandOption("--dry-run")]
        [Description("List what would be created, updated, left unchanged or refused, and write nothing.")]
        public bool DryRun { get; init; }

        [CommandOption("--domain <DOMAIN>")]
        [Description("Web services answer at <service>.<domain> (default: <name>.internal).")]
        public string? Domain { get; init; }

        [CommandOption("--git-repo <URL>")]
        [Description("Repository ArgoCD syncs from, holding this output at its root.")]
        public string? GitRepo { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Output) ? ValidationResult.Error("--output <DIR> is required") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var spec = SpecInput.LoadChecked(cli, settings.Spec);
        IReadOnlyList<GeneratedFile> files;
        try
        {
            files = EksGenerator.Generate(spec, settings.Domain, settings.GitRepo);
        }
        catch (GenerationException e)
        {
            throw new UserErrorException(e.Message, e);
        }

        return GeneratedOutputWriter.Write(cli, settings.Output ?? ".", files, settings.Force, settings.DryRun);
    }
}
