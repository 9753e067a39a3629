using Berth.Catalog;
using Berth.Costing;
using Berth.Spec;

namespace Berth.Cli.Infrastructure;

/// <summary>Loads the spec a command was given, turning every load error into exit code 2.</summary>
public static class SpecInput
{
    public static BerthSpec Load(CliContext context, string path)
    {
        var full = Path.IsPathRooted(path) ? path : Path.Combine(context.WorkingDirectory, path);
        var result = SpecLoader.LoadFile(full);
        if (!result.Succeeded || result.Spec is null)
        {
            // Report positions against the path as the user wrote it.
            throw new UserErrorException(result.Errors
                .Select(e => e with { Location = e.Location with { File = path } })
                .Select(e => e.ToString())
                .ToArray());
        }

        // Messages show the path as the user wrote it; a catalog path is relative to the spec file, so pin it now.
        var spec = result.Spec with { SourcePath = path };
        if (spec.Pricing.Catalog != PricingSpec.EmbeddedCatalog)
        {
            spec = spec with { Pricing = spec.Pricing with { Catalog = PricingSpec.CatalogFile(spec.Pricing.Catalog, full) } };
        }

        return spec;
    }

    /// <summary>Loads the spec and checks what it names against its catalog (instance types, prices).</summary>
    public static BerthSpec LoadChecked(CliContext context, string path)
    {
        var spec = Load(context, path);
        var catalog = Guard.Catalog(() => CostEngine.CatalogFor(spec));
        var errors = SpecPriceCheck.Check(spec, catalog);
        if (errors.Count > 0)
        {
            throw new UserErrorException(errors.Select(e => (e with { Location = e.Location with { File = path } }).ToString()).ToArray());
        }

        return spec;
    }
}
