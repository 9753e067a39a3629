using System.ComponentModel;
using Berth.Catalog;
using Berth.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands.Catalog;

/// <summary><c>berth catalog diff</c>: what the last update changed (FILE.previous → FILE), or any two catalogs.</summary>
public sealed class CatalogDiffCommand(CliContext cli) : Command<CatalogDiffCommand.Settings>
{
    public sealed class Settings : CatalogSettings
    {
        [CommandOption("--against <FILE>")]
        [Description("The catalog to compare with: 'embedded' or a file (default: the catalog's .previous, else embedded).")]
        public string? Against { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var file = settings.Catalog ?? CatalogSettings.DefaultFile;
        var after = CatalogSettings.Open(cli, file);
        var beforeName = settings.Against ?? (File.Exists(cli.Resolve(file + ".previous")) ? file + ".previous" : PriceCatalog.EmbeddedName);
        var before = CatalogSettings.Open(cli, beforeName);
        var changes = CatalogDiff.Compare(before.Data, after.Data);
        cli.Out.WriteLine($"{beforeName} (as of {before.AsOf}) → {file} (as of {after.AsOf}): {changes.Count} price change(s)");
        foreach (var c in changes)
        {
            cli.Out.WriteLine(c.Describe());
        }

        return ExitCodes.Ok;
    }
}
