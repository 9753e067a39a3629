namespace Berth.Catalog;

/// <summary>How large a file the catalog commands read: checked before reading, so a wrong path (a device, a huge
/// dump) is an error naming the file, not gigabytes of memory.</summary>
public static class CatalogLimits
{
    /// <summary>Berth's own catalog is about 1.3 MB; fifty times that is still one.</summary>
    public const long MaxCatalogBytes = 64 * Files.InputFile.MiB;

    /// <summary>The shared/data/aws fact files are CSVs of a few hundred KB.</summary>
    public const long MaxFactFileBytes = 64 * Files.InputFile.MiB;

    /// <summary>An AWS price-list file is read whole into memory; a regional AmazonEC2 file is the largest Berth expects.</summary>
    public const long MaxPriceListBytes = 1024 * Files.InputFile.MiB;
}
