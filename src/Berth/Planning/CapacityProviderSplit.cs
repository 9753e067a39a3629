using Berth.Spec;

namespace Berth.Planning;

/// <summary>
/// How ECS spreads a service's tasks over its capacity provider strategy: the provider with a <c>base</c> gets that
/// many tasks first; the rest are spread by <c>weight</c>. ECS places whole tasks and does not document its rounding;
/// Berth gives each next task to the provider furthest below its weighted share (ties: the earlier item), which
/// reproduces AWS's example (FARGATE weight 1, FARGATE_SPOT weight 4 → one task in five on FARGATE).
/// See https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-capacity-providers.html
/// </summary>
public static class CapacityProviderSplit
{
    public static int[] Split(IReadOnlyList<CapacityProviderItem> strategy, int tasks)
    {
        var counts = new int[strategy.Count];
        if (tasks <= 0 || strategy.Count == 0)
        {
            return counts;
        }

        var remaining = tasks;
        for (var i = 0; i < strategy.Count && remaining > 0; i++)
        {
            var take = Math.Min(strategy[i].Base, remaining);
            counts[i] += take;
            remaining -= take;
        }

        var totalWeight = strategy.Sum(s => s.Weight);
        if (totalWeight == 0)
        {
            // Only reachable when every weight is 0, which the loader rejects; keep the tasks on the base provider.
            counts[0] += remaining;
            return counts;
        }

        var spread = new int[strategy.Count];
        for (var k = 1; k <= remaining; k++)
        {
            var best = -1;
            var bestDeficit = decimal.MinValue;
            for (var i = 0; i < strategy.Count; i++)
            {
                if (strategy[i].Weight == 0)
                {
                    continue;
                }

                var deficit = ((decimal)strategy[i].Weight * k / totalWeight) - spread[i];
                if (deficit > bestDeficit)
                {
                    best = i;
                    bestDeficit = deficit;
                }
            }

            spread[best]++;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] += spread[i];
        }

        return counts;
    }
}
