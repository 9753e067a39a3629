using Berth.Catalog;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Packing;

/// <summary>Entry points: a spec's node types, and its pods at an hour packed in either mode.</summary>
public static class Packer
{
    public static NodeTypeTable Table(BerthSpec spec, PriceCatalog catalog) =>
        NodeTypeTable.Build(new PriceBook(catalog, spec.Pricing, spec.Region), spec.Eks.Karpenter, spec.Eks.DaemonSetOverhead);

    public static PackingResult Pack(NodeTypeTable table, PodSet pods, PackingMode mode) =>
        mode == PackingMode.Karpenter ? KarpenterPacker.Pack(table, pods) : BerthPacker.Pack(table, pods);
}
