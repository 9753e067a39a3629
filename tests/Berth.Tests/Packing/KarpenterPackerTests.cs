using Berth.Catalog;
using Berth.Packing;
using Berth.Planning;
using Berth.Spec;
using Berth.Tests.Support;

namespace Berth.Tests.Packing;

public sealed class KarpenterPackerTests
{
    private static NodeTypeTable TableFor(string karpenter) =>
        Packer.Table(Specs.With("  - { name: api }", "eks:\n  karpenter: " + karpenter), PriceCatalog.Embedded);

    [Fact]
    public void A_claim_launches_as_the_cheapest_type_that_holds_its_pods()
    {
        var table = TableFor("{ instanceCategories: [m], instanceFamilies: [m5], capacityTypes: [on-demand], arch: [amd64], instanceCpu: [2, 4, 8] }");
        var pods = new PodSet(["api"], [new Pod(0, 1000, 2048, CpuArch.X64, false)]);

        var node = KarpenterPacker.Pack(table, pods).Nodes.ShouldHaveSingleItem();

        node.InstanceType.ShouldBe("m5.large"); // 1 vCPU + 200m of DaemonSets fits 1930m; the cheapest m5
        node.Capacity.ShouldBe(CapacityType.OnDemand);
        node.HourlyUsd.ShouldBe(0.096m);
    }

    [Fact]
    public void Spot_tolerant_pods_launch_on_spot_when_it_is_cheaper()
    {
        var table = TableFor("{ instanceCategories: [m], instanceFamilies: [m5], arch: [amd64], instanceCpu: [2] }");
        var pods = new PodSet(["worker"], [new Pod(0, 500, 1024, CpuArch.X64, true)]);

        var node = KarpenterPacker.Pack(table, pods).Nodes.ShouldHaveSingleItem();

        node.Capacity.ShouldBe(CapacityType.Spot);
        node.HourlyUsd.ShouldBe(PriceCatalog.Embedded.Spot("us-east-1", "m5.large").ShouldNotBeNull().UsdPerHour);
    }

    [Fact]
    public void One_on_demand_only_pod_keeps_its_node_on_demand()
    {
        var table = TableFor("{ instanceCategories: [m], instanceFamilies: [m5], arch: [amd64], instanceCpu: [8] }");
        var pods = new PodSet(["a", "b"], [new Pod(0, 500, 1024, CpuArch.X64, true), new Pod(1, 500, 1024, CpuArch.X64, false)]);

        var node = KarpenterPacker.Pack(table, pods).Nodes.ShouldHaveSingleItem();

        node.Capacity.ShouldBe(CapacityType.OnDemand);
        node.Pods.Count.ShouldBe(2);
    }

    [Fact]
    public void Pods_of_different_architectures_never_share_a_node()
    {
        var pods = new PodSet(["x", "a"], [new Pod(0, 500, 512, CpuArch.X64, true), new Pod(1, 500, 512, CpuArch.Arm64, true)]);

        var result = KarpenterPacker.Pack(PackingPropertyTests.Table, pods);

        result.Nodes.Count.ShouldBe(2);
        result.Nodes.Select(n => PriceCatalog.Embedded.Instance(n.InstanceType)!.Arch).ShouldBe([CpuArch.Arm64, CpuArch.X64], ignoreOrder: true);
    }

    [Fact]
    public void A_pod_larger_than_every_allowed_type_is_unschedulable()
    {
        var table = TableFor("{ instanceCpu: [4] }");
        var pods = new PodSet(["big"], [new Pod(0, 8000, 1024, CpuArch.X64, true)]);

        var result = KarpenterPacker.Pack(table, pods);

        result.Nodes.ShouldBeEmpty();
        result.Unschedulable.ShouldBe([0]);
    }

    [Fact]
    public void Gpu_and_metal_types_are_left_out_unless_named()
    {
        PackingPropertyTests.Table.Types.ShouldNotContain(t => t.GpuCount > 0 || t.BareMetal);
        PackingPropertyTests.Table.Types.ShouldAllBe(t => t.Category == "c" || t.Category == "m" || t.Category == "r");
        PackingPropertyTests.Table.Types.ShouldAllBe(t => t.Vcpu == 4 || t.Vcpu == 8 || t.Vcpu == 16 || t.Vcpu == 32);
    }

    [Fact]
    public void The_lower_bound_of_identical_pods_is_their_share_of_the_cheapest_fleet()
    {
        var table = TableFor("{ instanceCategories: [m], instanceFamilies: [m5], capacityTypes: [on-demand], arch: [amd64], instanceCpu: [2] }");
        var pods = new PodSet(["api"], Enumerable.Repeat(new Pod(0, 865, 1000, CpuArch.X64, false), 4).ToArray());

        var result = KarpenterPacker.Pack(table, pods);

        // m5.large after 200m of DaemonSets: 1730m. Four pods of 865m fill exactly two nodes.
        result.Nodes.Count.ShouldBe(2);
        result.LowerBoundHourlyUsd.ShouldBe(2 * 0.096, 1e-9);
        result.Gap.ShouldBe(0, 1e-9);
    }
}
