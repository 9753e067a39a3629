using System.ComponentModel;
using Berth.Cli.Infrastructure;
using Berth.Importing;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands;

public sealed class ImportCommand(CliContext cli) : Command<ImportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("Terraform folders and Kubernetes YAML files or folders of the platform the team runs now.")]
        public string[] Paths { get; init; } = [];

        [CommandOption("-o|--output <FILE>")]
        [Description("Where to write the spec.")]
        [DefaultValue("berth.yaml")]
        public string Output { get; init; } = "berth.yaml";

        [CommandOption("--var-file <FILE>")]
        [Description("A tfvars file applied to every root module after terraform.tfvars and *.auto.tfvars (repeatable).")]
        public string[] VarFiles { get; init; } = [];

        [CommandOption("--force")]
        [Description("Replace an existing file.")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var paths = LintInputs.Paths(cli, settings.Paths, "");
        var varFiles = LintInputs.Files(cli, settings.VarFiles, "--var-file ");
        var output = cli.Resolve(settings.Output);

        // Refuse an existing file before reading anything, so a long read never ends in "not written".
        SafeFileWriter.Check(settings.Output, output, Ownership.UsersFile("berth.yaml"), settings.Force);
        ImportResult result;
        try
        {
            result = Importer.Run(paths, varFiles, cli.WorkingDirectory, Path.GetFileName(output));
        }
        catch (ImportException e)
        {
            throw new UserErrorException(e.Lines);
        }

        SafeFileWriter.Write(settings.Output, output, result.Yaml, Ownership.UsersFile("berth.yaml"), settings.Force);
        var platform = result.Platform.Platform == RunningPlatform.EcsFargate ? "ECS on Fargate" : "EKS";
        cli.Out.WriteLine($"wrote {settings.Output}: {platform}, {result.Platform.Services.Count} service(s), {result.Platform.Notes.Count} note(s) on what could not be read");
        cli.Out.WriteLine($"next: set the team and demand in {settings.Output}, then berth assess {settings.Output}");
        return ExitCodes.Ok;
    }
}
