using System.ComponentModel;
using Berth.Catalog;
using Berth.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands.Catalog;

/// <summary>
/// <c>berth catalog update --from PATH</c>: merges AWS bulk price-list files into a catalog file. The new catalog is
/// written to a temporary file, read back and checked, then renamed into place; the previous one is kept as
/// <c>FILE.previous</c> for <c>berth catalog diff</c>. Any failure leaves the catalog as it was.
/// </summary>
public sealed class CatalogUpdateCommand(CliContext cli) : Command<CatalogUpdateCommand.Settings>
{
    public sealed class Settings : CatalogSettings
    {
        [CommandOption("--from <PATH>")]
        [Description("An AWS price-list index.json (AmazonEC2 or AmazonECS) or a folder of them.")]
        public string From { get; init; } = "";

        public override ValidationResult Validate() =>
            From.Length == 0 ? ValidationResult.Error("--from: expected the path of an AWS price-list file or folder") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var target = cli.Resolve(settings.Catalog ?? CatalogSettings.DefaultFile);
        var current = File.Exists(target) ? Guard.Catalog(() => PriceCatalog.LoadFile(target)).Data : PriceCatalog.Embedded.Data;
        var result = Guard.Catalog(() => AwsPriceListImporter.Import(current, cli.Resolve(settings.From)));
        var text = CatalogFile.Write(result.Catalog);

        var temp = target + ".berth-tmp";
        try
        {
            File.WriteAllText(temp, text);
            Guard.Catalog(() => CatalogFile.Read(File.ReadAllText(temp), temp));
            if (File.Exists(target))
            {
                File.Copy(target, target + ".previous", overwrite: true);
            }
            else
            {
                File.WriteAllText(target + ".previous", CatalogFile.Write(current));
            }

            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        var changes = CatalogDiff.Compare(current, result.Catalog);
        cli.Ansi.MarkupLine(Markup.Escape(
            $"updated {settings.Catalog ?? CatalogSettings.DefaultFile} from {result.Files.Count} file(s): {result.Ec2Prices} EC2 and {result.FargatePrices} Fargate prices read; " +
            $"{changes.Count(c => c.Kind == "changed")} changed, {changes.Count(c => c.Kind == "added")} added. 'berth catalog diff' shows them."));
        cli.Ansi.MarkupLine(Markup.Escape($"use it with  pricing: {{ catalog: {settings.Catalog ?? CatalogSettings.DefaultFile} }}  in berth.yaml"));
        return ExitCodes.Ok;
    }
}
