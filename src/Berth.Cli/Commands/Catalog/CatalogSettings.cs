using System.ComponentModel;
using Berth.Catalog;
using Berth.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands.Catalog;

/// <summary>The option every catalog command shares: which catalog file to use.</summary>
public class CatalogSettings : CommandSettings
{
    public const string DefaultFile = "berth-catalog.json";

    [CommandOption("--catalog <FILE>")]
    [Description("A catalog file made by 'berth catalog update' (default: the embedded catalog; for update and diff: berth-catalog.json).")]
    public string? Catalog { get; init; }

    /// <summary>A catalog Berth wrote starts with its format marker, so rebuilding or updating it needs no --force.</summary>
    public static readonly Ownership CatalogFileOwner = Ownership.Text("catalog", "\"" + CatalogFile.FormatKey + "\"");

    public static PriceCatalog Open(CliContext cli, string? file) =>
        file is null || file == PriceCatalog.EmbeddedName
            ? PriceCatalog.Embedded
            : Guard.Catalog(() => PriceCatalog.LoadFile(cli.Resolve(file)));
}
