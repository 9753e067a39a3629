using Berth.Catalog;
using Berth.Costing;

namespace Berth.Tests.Costing;

public class CrossoverTests
{
    /// <summary>A sweep whose cheapest option at counts 1, 2, 3… is given by <paramref name="cheapest"/> ('a' or 'b'; '-' for none feasible).</summary>
    private static CrossoverResult Sweep(string cheapest)
    {
        var points = cheapest.Select((c, i) =>
        {
            var total = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["a"] = c == 'a' ? 1m : 2m, ["b"] = c == 'b' ? 1m : 2m };
            return new CrossoverPoint(i + 1, total, total)
            {
                Infeasible = c == '-'
                    ? new Dictionary<string, string>(StringComparer.Ordinal) { ["a"] = "no", ["b"] = "no" }
                    : new Dictionary<string, string>(StringComparer.Ordinal),
            };
        }).ToArray();
        return new CrossoverResult("web", 1, cheapest.Length, ["a", "b"], points, []);
    }

    [Fact]
    public void A_change_that_holds_for_the_next_few_counts_is_a_crossover()
    {
        var t = Crossover.Cheapest(Sweep("aaaabbbbbb"));

        t.First.ShouldBe("a");
        t.Crossovers.ShouldBe([new CheapestShift(5, "a", "b")]);
        t.Bands.ShouldBeEmpty();
    }

    [Fact]
    public void Flapping_is_one_band_then_the_crossover_where_it_settles()
    {
        // 14 changes from 5 to 18, then b from 19 on: one band and one crossover, not 15 crossings.
        var t = Crossover.Cheapest(Sweep("aaaa" + "babababababab" + "a" + "bbbbbb"));

        t.Bands.Count.ShouldBe(1);
        (t.Bands[0].FromServices, t.Bands[0].ToServices, t.Bands[0].Changes).ShouldBe((5, 18, 14));
        t.Bands[0].Options.ShouldBe(["a", "b"]);
        t.Crossovers.ShouldBe([new CheapestShift(19, "a", "b")]);
        Crossover.Describe(t, 1, 24).ShouldBe([
            "a is the cheapest at 1 service (with engineering time).",
            "from 5 to 18 services the cheapest flaps between a and b (14 changes): no single count there is a crossover",
            "crossover at 19 services: b becomes the cheapest (instead of a) and stays so for at least the next 3 counts or to the end of the range",
        ]);
    }

    [Fact]
    public void Flapping_that_settles_back_on_the_same_option_is_a_band_without_a_crossover()
    {
        var t = Crossover.Cheapest(Sweep("aaaababaaaaa"));

        t.Crossovers.ShouldBeEmpty();
        t.Bands.Count.ShouldBe(1);
        (t.Bands[0].FromServices, t.Bands[0].ToServices, t.Bands[0].Changes).ShouldBe((5, 7, 3));
    }

    [Fact]
    public void A_change_at_the_end_that_holds_to_the_end_counts()
    {
        Crossover.Cheapest(Sweep("aaaaaabb")).Crossovers.ShouldBe([new CheapestShift(7, "a", "b")]);
    }

    [Fact]
    public void Counts_where_nothing_can_run_are_skipped()
    {
        var t = Crossover.Cheapest(Sweep("aa--aaaa"));

        t.Crossovers.ShouldBeEmpty();
        t.Bands.ShouldBeEmpty();
        Crossover.Describe(t, 1, 8).ShouldBe(["a is the cheapest at 1 service (with engineering time) and stays so to 8: no crossover in this range."]);
    }

    [Fact]
    public void The_wording_says_exactly_what_is_varied_and_what_is_held()
    {
        var spec = Generation.EcsGoldenTests.Load("startup");

        var r = Crossover.Sweep(spec, PriceCatalog.Embedded, 1, 3);

        var template = spec.Services[0];
        r.Varied.ShouldStartWith($"varied: the number of services, 1 to 3 copies of '{template.BaseName}' ({template.Cpu} CPU, {template.Memory} memory, ");
        r.Held.ShouldBe($"held: the region ({spec.Region}), the team and its engineering rate, the requirements, the Karpenter and Spot settings and the {PriceCatalog.Embedded.AsOf} prices; "
            + $"{spec.Services.Count - 1} other services of the spec left out; fixed node groups re-sized to each count's peak (same instance types, as many nodes as needed)");
    }
}
