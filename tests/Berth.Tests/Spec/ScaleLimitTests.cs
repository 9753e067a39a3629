using System.Globalization;
using System.Text;
using Berth.Spec;

namespace Berth.Tests.Spec;

/// <summary>The largest platform Berth plans is stated (<see cref="SpecLimits"/>, README "Limits") and validate
/// rejects a larger one with the reason, at the services key.</summary>
public sealed class ScaleLimitTests
{
    private static string Services(int declared, Func<int, string> extra)
    {
        var yaml = new StringBuilder("version: 1\nname: big\nservices:\n");
        for (var i = 0; i < declared; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ name: s{i}{extra(i)} }}\n");
        }

        return yaml.ToString();
    }

    [Fact]
    public void A_platform_at_the_limit_is_valid()
    {
        var perService = SpecLimits.MaxPeakReplicas / SpecLimits.MaxServices;
        var result = SpecLoader.Parse(Services(SpecLimits.MaxServices, _ => $", scaling: {{ min: 1, max: {perService} }}"), "big.yaml");

        result.Errors.ShouldBeEmpty();
        result.Spec!.Services.Sum(s => s.MaxReplicas).ShouldBe(SpecLimits.MaxPeakReplicas);
    }

    [Fact]
    public void One_service_more_than_the_limit_is_an_error_with_the_reason()
    {
        var errors = SpecLoader.Parse(Services(SpecLimits.MaxServices + 1, _ => ""), "big.yaml").Errors;

        errors.Single().ToString().ShouldBe(
            "big.yaml:4:3: error: services: 501 services after count expansion; Berth plans platforms of at most 500 services, beyond which packing and simulation stop finishing in seconds (README, Limits): split the platform into several specs");
    }

    [Fact]
    public void Count_expansion_counts_every_copy()
    {
        var errors = SpecLoader.Parse(Services(100, _ => ", count: 100"), "big.yaml").Errors;

        errors.Single().Message.ShouldStartWith("services: 10000 services after count expansion; Berth plans platforms of at most 500 services");
    }

    [Fact]
    public void Replicas_at_peak_beyond_the_limit_are_an_error_with_the_reason()
    {
        var errors = SpecLoader.Parse(Services(11, i => i % 2 == 0 ? ", replicas: 1000" : ", scaling: { min: 1, max: 1000 }"), "big.yaml").Errors;

        errors.Single().ToString().ShouldBe(
            "big.yaml:4:3: error: services: 11000 replicas at peak (replicas, or scaling.max, summed over services); Berth plans platforms of at most 10000, beyond which packing and simulation stop finishing in seconds (README, Limits): lower scaling.max or split the platform into several specs");
    }

    [Fact]
    public void Clients_beyond_the_limit_are_an_error()
    {
        var clients = string.Join(", ", Enumerable.Range(0, SpecLimits.MaxClients + 1).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)));
        var errors = SpecLoader.Parse(Services(1, _ => "") + $"clients: [{clients}]\n", "big.yaml").Errors;

        errors.Single().Message.ShouldBe("clients: 201 clients; Berth plans at most 200 (README, Limits): split the product into several specs");
    }
}
