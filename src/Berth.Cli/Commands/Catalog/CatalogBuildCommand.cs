using System.ComponentModel;
using Berth.Catalog;
using Berth.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands.Catalog;

/// <summary><c>berth catalog build</c>: rebuilds Berth's own catalog from the shared/data/aws fact files.</summary>
public sealed class CatalogBuildCommand(CliContext cli) : Command<CatalogBuildCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--from <FOLDER>")]
        [Description("The folder of fact files (shared/data/aws: ondemand_prices.csv, instance_specs.csv, …).")]
        public string From { get; init; } = "../shared/data/aws";

        [CommandOption("-o|--output <FILE>")]
        [Description("Where to write the catalog.")]
        public string Output { get; init; } = "src/Berth/Catalog/Data/catalog.json";

        [CommandOption("--force")]
        [Description("Replace an existing file.")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var output = SafeFileWriter.Check(settings.Output, cli.Resolve(settings.Output), CatalogSettings.CatalogFileOwner, settings.Force);
        var data = Guard.Catalog(() => SharedFactsImporter.Build(cli.Resolve(settings.From)));
        SafeFileWriter.Write(settings.Output, output.FullPath, CatalogFile.Write(data), CatalogSettings.CatalogFileOwner, settings.Force);
        cli.Out.WriteLine($"wrote {settings.Output}: {data.Instances.Count} instance types, {data.Ec2.Count} EC2 prices, {data.Spot.Count} Spot advisor rows, {data.Fargate.Count} Fargate prices; as of {data.AsOf}");
        return ExitCodes.Ok;
    }
}
