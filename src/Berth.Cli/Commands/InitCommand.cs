using System.ComponentModel;
using Berth.Cli.Infrastructure;
using Berth.Spec;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands;

public sealed class InitCommand(CliContext cli) : Command<InitCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-t|--template <TEMPLATE>")]
        [Description("startup (small team, few services), platform (many teams, GitOps, KEDA) or multi-client (one stack per client).")]
        [DefaultValue("startup")]
        public string Template { get; init; } = "startup";

        [CommandOption("-o|--output <FILE>")]
        [Description("Where to write the spec. A berth.schema.json for editor completion is written beside it.")]
        [DefaultValue("berth.yaml")]
        public string Output { get; init; } = "berth.yaml";

        [CommandOption("--force")]
        [Description("Replace an existing file.")]
        public bool Force { get; init; }

        public override ValidationResult Validate() =>
            Templates.Names.Contains(Template, StringComparer.Ordinal)
                ? ValidationResult.Success()
                : ValidationResult.Error($"--template: unknown template '{Template}'{Suggest.DidYouMean(Template, Templates.Names)}; expected one of {string.Join(", ", Templates.Names)}");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var output = Path.IsPathRooted(settings.Output) ? settings.Output : Path.Combine(cli.WorkingDirectory, settings.Output);
        SafeFileWriter.Write(output, Templates.Render(settings.Template), settings.Force);
        cli.Out.WriteLine($"wrote {settings.Output} from the '{settings.Template}' template");

        var schemaPath = Path.Combine(Path.GetDirectoryName(output) ?? ".", Templates.SchemaFileName);
        var schema = SpecSchema.ToJsonText();
        if (!File.Exists(schemaPath))
        {
            SafeFileWriter.Write(schemaPath, schema, force: false);
            cli.Out.WriteLine($"wrote {Templates.SchemaFileName} beside it for editor completion (yaml-language-server)");
        }
        else if (File.ReadAllText(schemaPath) != schema)
        {
            cli.Out.WriteLine($"left the existing {Templates.SchemaFileName} as it is; refresh it with: berth schema > {Templates.SchemaFileName}");
        }

        cli.Out.WriteLine($"next: berth validate {settings.Output} && berth assess {settings.Output}");
        return ExitCodes.Ok;
    }
}
