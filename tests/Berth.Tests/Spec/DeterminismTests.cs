using System.Globalization;
using Berth.Spec;

namespace Berth.Tests.Spec;

public sealed class DeterminismTests
{
    private const string ManyErrors = """
        version: -1
        name: Shop
        region: eu-west-9
        team:
          engineers: 0
          hourlyRateUsd: 20000.5
          kubernetesExpertise: expert
        services:
          - name: api
            cpu: 0.0001
            memory: 512
            port: 70000
            scaling: { min: 5, max: 2, cpuTarget: 150 }
            replicas: 2
            demand: [0.5, 1.5]
          - name: api
            arch: x86
        pricing:
          hoursPerMonth: 800.5
          overrides:
            fargate: { spotDiscount: 1.5 }
          discounts: { computeSavingsPlan: 0.995 }
        eks:
          karpenter:
            consolidaton: WhenEmpty
            consolidateAfter: 99999999999h
        unknownRoot: 1
        """;

    private static string[] Render(string text) =>
        SpecLoader.Parse(text, "berth.yaml").Errors.Select(e => e.ToString()).ToArray();

    [Fact]
    public void Errors_are_sorted_by_line_then_column()
    {
        var errors = SpecLoader.Parse(ManyErrors, "berth.yaml").Errors;

        errors.Count.ShouldBeGreaterThan(15);
        errors.Select(e => (e.Location.Line, e.Location.Column))
            .ShouldBe(errors.Select(e => (e.Location.Line, e.Location.Column)).OrderBy(p => p.Line).ThenBy(p => p.Column));
    }

    [Fact]
    public void Errors_are_identical_across_runs()
    {
        Render(ManyErrors).ShouldBe(Render(ManyErrors));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("sv-SE")]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")]
    [InlineData("tr-TR")]
    public void Errors_do_not_depend_on_the_current_culture(string culture)
    {
        var invariant = WithCulture(CultureInfo.InvariantCulture, () => Render(ManyErrors));

        var local = WithCulture(new CultureInfo(culture), () => Render(ManyErrors));

        local.ShouldBe(invariant);
        local.ShouldContain(e => e.Contains("unsupported berth.yaml version -1", StringComparison.Ordinal));
        local.ShouldContain(e => e.Contains("800.5 is out of range; expected a number from 1 to 744", StringComparison.Ordinal));
        local.ShouldContain(e => e.Contains("expected a number from 0 to 0.99", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Values_do_not_depend_on_the_current_culture(string culture)
    {
        var invariant = WithCulture(CultureInfo.InvariantCulture, () => SpecLoader.Parse(SpecSamples.Full, "berth.yaml").Spec!);

        var local = WithCulture(new CultureInfo(culture), () => SpecLoader.Parse(SpecSamples.Full, "berth.yaml").Spec!);

        local.Team.ShouldBe(invariant.Team);
        local.Pricing.FargateOverride.ShouldBe(invariant.Pricing.FargateOverride);
        local.Services.Select(s => (s.Name, s.Cpu, s.Memory, s.Storage)).ShouldBe(invariant.Services.Select(s => (s.Name, s.Cpu, s.Memory, s.Storage)));
        local.Eks.Karpenter.ConsolidateAfter.ShouldBe(invariant.Eks.Karpenter.ConsolidateAfter);
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (culture0, ui0) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture0;
            CultureInfo.CurrentUICulture = ui0;
        }
    }
}
