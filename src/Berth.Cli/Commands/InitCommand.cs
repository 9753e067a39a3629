using System.ComponentModel;
using Berth.Cli.Infrastructure;
using Berth.Files;
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
        var output = cli.Resolve(settings.Output);
        SafeFileWriter.Write(settings.Output, output, Templates.Render(settings.Template), Ownership.UsersFile("berth.yaml"), settings.Force);
        cli.Out.WriteLine($"wrote {settings.Output} from the '{settings.Template}' template");

        var schemaPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output)) ?? ".", Templates.SchemaFileName);
        var schema = SpecSchema.ToJsonText();
        switch (FileKinds.Of(schemaPath))
        {
            case FileKind.Missing:
                SafeFileWriter.Write(Templates.SchemaFileName, schemaPath, schema, Ownership.UsersFile("schema"), force: false);
                cli.Out.WriteLine($"wrote {Templates.SchemaFileName} beside it for editor completion (yaml-language-server)");
                break;
            case FileKind.Regular when Same(schemaPath, schema):
                break;
            default:
                cli.Out.WriteLine($"left the existing {Templates.SchemaFileName} as it is; refresh it with: berth schema > {Templates.SchemaFileName}");
                break;
        }

        cli.Out.WriteLine($"next: berth validate {settings.Output} && berth assess {settings.Output}");
        return ExitCodes.Ok;
    }

    private static bool Same(string path, string text)
    {
        try
        {
            return InputFile.ReadAllText(path, 4 * InputFile.MiB) == text;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
