using System.ComponentModel;
using Berth.Catalog;
using Berth.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands.Catalog;

/// <summary>
/// <c>berth catalog update --from PATH</c>: merges AWS bulk price-list files into a catalog file. The new catalog is
/// checked in memory, the previous one kept as <c>FILE.previous</c> for <c>berth catalog diff</c>, and both written
/// by <see cref="SafeFileWriter"/>; two updates of one catalog take turns (<see cref="FileLock"/>). Any failure
/// leaves the catalog as it was.
/// </summary>
public sealed class CatalogUpdateCommand(CliContext cli) : Command<CatalogUpdateCommand.Settings>
{
    /// <summary>How long a second update waits for the first before refusing.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

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
        var shown = settings.Catalog ?? CatalogSettings.DefaultFile;
        var owner = CatalogSettings.CatalogFileOwner;
        var target = SafeFileWriter.Check(shown, cli.Resolve(shown), owner, force: false);
        var previous = SafeFileWriter.Check(shown + ".previous", target.FullPath + ".previous", owner, force: false);
        using var held = FileLock.Acquire(shown, target.FullPath, LockWait);

        var current = target.Exists ? Guard.Catalog(() => PriceCatalog.LoadFile(target.FullPath)).Data : PriceCatalog.Embedded.Data;
        var result = Guard.Catalog(() => AwsPriceListImporter.Import(current, cli.Resolve(settings.From)));
        var text = CatalogFile.Write(result.Catalog);
        Guard.Catalog(() => CatalogFile.Read(text, shown));

        SafeFileWriter.Write(previous.Shown, previous.FullPath, CatalogFile.Write(current), owner, force: false);
        SafeFileWriter.Write(target.Shown, target.FullPath, text, owner, force: false);

        var changes = CatalogDiff.Compare(current, result.Catalog);
        cli.Ansi.MarkupLine(Markup.Escape(
            $"updated {shown} from {result.Files.Count} file(s): {result.Ec2Prices} EC2 and {result.FargatePrices} Fargate prices read; " +
            $"{changes.Count(c => c.Kind == "changed")} changed, {changes.Count(c => c.Kind == "added")} added. 'berth catalog diff' shows them."));
        cli.Ansi.MarkupLine(Markup.Escape($"use it with  pricing: {{ catalog: {shown} }}  in berth.yaml"));
        return ExitCodes.Ok;
    }
}
