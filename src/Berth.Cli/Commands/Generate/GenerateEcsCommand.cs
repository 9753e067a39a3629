using Berth.Cli.Infrastructure;
using Berth.Costing;
using Berth.Generation;
using Berth.Generation.Ecs;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands.Generate;

public sealed class GenerateEcsCommand(CliContext cli) : Command<GenerateSettings>
{
    public override int Execute(CommandContext context, GenerateSettings settings, CancellationToken cancellationToken)
    {
        var spec = SpecInput.LoadChecked(cli, settings.Spec);
        var catalog = Guard.Catalog(() => CostEngine.CatalogFor(spec));
        IReadOnlyList<GeneratedFile> files;
        try
        {
            files = EcsGenerator.Generate(spec, catalog);
        }
        catch (GenerationException e)
        {
            throw new UserErrorException(e.Message, e);
        }

        return GeneratedOutputWriter.Write(cli, settings.Output ?? ".", files, settings.Force, settings.DryRun);
    }
}
