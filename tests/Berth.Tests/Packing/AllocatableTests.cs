using Berth.Catalog;

namespace Berth.Tests.Packing;

/// <summary>Spot checks against Karpenter's published allocatable values (website instance-types reference).</summary>
public sealed class AllocatableTests
{
    [Theory]
    [InlineData("m5.large", 1930, 6903, 29)]      // DOMAIN.md §3
    [InlineData("m5.xlarge", 3920, 14162, 58)]
    [InlineData("a1.4xlarge", 15890, 27322, 234)] // arm64: 64 MiB CMA reserve first (published value)
    [InlineData("c7g.4xlarge", 15890, 27322, 234)]
    [InlineData("m6g.large", 1930, 6844, 29)]     // arm64, 2 vCPU
    [InlineData("t3.micro", 1930, 548, 4)]
    [InlineData("m6i.32xlarge", 127610, 476504, 737)]
    [InlineData("m6i.24xlarge", 95690, 355262, 737)]
    public void Allocatable_matches_karpenters_formulas(string type, long cpu, long memory, int pods)
    {
        var info = PriceCatalog.Embedded.Instance(type).ShouldNotBeNull();

        var a = Allocatable.For(info);
        (a.CpuMillicores, a.MemoryMiB, a.Pods).ShouldBe((cpu, memory, pods));
    }

    [Theory]
    [InlineData(20, 17408)]  // Karpenter's default AL2023 root volume
    [InlineData(50, 45056)]  // DOMAIN.md §7: 50 GiB leaves about 44 GiB, room for two pods requesting 20Gi
    public void Ephemeral_storage_is_the_root_volume_less_kube_reserved_and_the_eviction_threshold(int rootGiB, long mib) =>
        Allocatable.EphemeralStorageMiB(rootGiB).ShouldBe(mib);

    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 70)]
    [InlineData(3, 75)]
    [InlineData(4, 80)]
    [InlineData(5, 82)]   // 0.25% of the fifth core is 2.5m, truncated like Karpenter
    [InlineData(8, 90)]
    [InlineData(96, 310)]
    public void Kube_reserved_cpu_follows_the_ranges(int vcpu, long millicores) =>
        Allocatable.KubeReservedCpuMillicores(vcpu).ShouldBe(millicores);

    [Fact]
    public void Every_catalog_type_has_positive_allocatable_below_its_capacity()
    {
        foreach (var t in PriceCatalog.Embedded.Instances)
        {
            var a = Allocatable.For(t);
            a.CpuMillicores.ShouldBeLessThan(t.Vcpu * 1000L, t.Name);
            a.MemoryMiB.ShouldBeLessThan(t.MemoryMiB, t.Name);
            a.Pods.ShouldBeGreaterThan(0, t.Name);
        }
    }
}
