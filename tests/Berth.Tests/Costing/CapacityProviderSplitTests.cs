using Berth.Planning;
using Berth.Spec;

namespace Berth.Tests.Costing;

public sealed class CapacityProviderSplitTests
{
    private static readonly CapacityProviderItem Fargate1 = new(EcsSpec.Fargate, 1, 20);
    private static readonly CapacityProviderItem Spot80 = new(EcsSpec.FargateSpot, 0, 80);

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 1, 0)]
    [InlineData(2, 1, 1)]
    [InlineData(5, 2, 3)]
    [InlineData(6, 2, 4)]
    [InlineData(10, 3, 7)]
    [InlineData(101, 21, 80)]
    public void Base_first_then_weight_20_to_80(int tasks, int onDemand, int spot) =>
        CapacityProviderSplit.Split([Fargate1, Spot80], tasks).ShouldBe([onDemand, spot]);

    [Fact]
    public void A_base_larger_than_the_task_count_takes_every_task() =>
        CapacityProviderSplit.Split([new(EcsSpec.Fargate, 5, 1), new(EcsSpec.FargateSpot, 0, 9)], 3).ShouldBe([3, 0]);

    [Fact]
    public void The_base_may_sit_on_the_second_provider() =>
        CapacityProviderSplit.Split([new(EcsSpec.Fargate, 0, 1), new(EcsSpec.FargateSpot, 2, 1)], 6).ShouldBe([2, 4]);

    [Fact]
    public void A_provider_with_weight_0_gets_only_its_base() =>
        CapacityProviderSplit.Split([new(EcsSpec.Fargate, 2, 0), new(EcsSpec.FargateSpot, 0, 1)], 7).ShouldBe([2, 5]);

    [Fact]
    public void A_single_provider_gets_everything() =>
        CapacityProviderSplit.Split([new(EcsSpec.FargateSpot, 0, 3)], 4).ShouldBe([4]);

    [Fact]
    public void Awss_example_one_in_five_on_fargate() =>
        CapacityProviderSplit.Split([new(EcsSpec.Fargate, 0, 1), new(EcsSpec.FargateSpot, 0, 4)], 5).ShouldBe([1, 4]);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(250)]
    public void Every_task_is_placed_once(int tasks) =>
        CapacityProviderSplit.Split([new(EcsSpec.Fargate, 3, 2), new(EcsSpec.FargateSpot, 0, 5)], tasks).Sum().ShouldBe(tasks);
}
