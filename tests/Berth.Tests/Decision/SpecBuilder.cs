using Berth.Spec;

namespace Berth.Tests.Decision;

/// <summary>Builds a <see cref="BerthSpec"/> with sane defaults: 5 services of 1 replica, the default team and requirements.</summary>
internal sealed class SpecBuilder
{
    private TeamSpec _team = TeamSpec.Default;
    private RequirementsSpec _requirements = RequirementsSpec.Default;
    private List<ServiceSpec> _services = Enumerable.Range(1, 5).Select(i => Service($"svc-{i}")).ToList();
    private string _name = "test";

    public static SpecBuilder Default => new();

    public static ServiceSpec Service(
        string name,
        int? replicas = 1,
        ScalingSpec? scaling = null,
        bool spot = false,
        EventSourceSpec? eventSource = null) =>
        new(
            name,
            ServiceType.Backend,
            new Millicores(500),
            ByteSize.FromGiB(1),
            replicas,
            scaling,
            DemandProfile.Flat,
            spot,
            CpuArch.X64,
            ByteSize.FromGiB(20),
            8080,
            "/health",
            new Dictionary<string, string>(),
            eventSource,
            true,
            name,
            new SourceLocation("berth.yaml", 1, 1));

    public SpecBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    /// <summary>Replaces the services with <paramref name="count"/> services of <paramref name="replicas"/> replicas each.</summary>
    public SpecBuilder WithServices(int count, int replicas = 1, bool spot = false)
    {
        _services = Enumerable.Range(1, count).Select(i => Service($"svc-{i}", replicas, spot: spot)).ToList();
        return this;
    }

    public SpecBuilder WithServices(params ServiceSpec[] services)
    {
        _services = services.ToList();
        return this;
    }

    public SpecBuilder AddService(ServiceSpec service)
    {
        _services.Add(service);
        return this;
    }

    public SpecBuilder WithTeam(
        int? engineers = null,
        KubernetesExpertise? expertise = null,
        int? owningTeams = null,
        int? timelineMonths = null)
    {
        _team = _team with
        {
            Engineers = engineers ?? _team.Engineers,
            KubernetesExpertise = expertise ?? _team.KubernetesExpertise,
            OwningTeams = owningTeams ?? _team.OwningTeams,
            TimelineMonths = timelineMonths ?? _team.TimelineMonths,
        };
        return this;
    }

    public SpecBuilder WithRequirements(Func<RequirementsSpec, RequirementsSpec> change)
    {
        _requirements = change(_requirements);
        return this;
    }

    public BerthSpec Build() => new(
        BerthSpec.CurrentVersion,
        _name,
        "us-east-1",
        DeploymentEnvironment.Production,
        _team,
        _requirements,
        _services.ToArray(),
        EcsSpec.Default,
        EksSpec.Default,
        PricingSpec.Default,
        [],
        "berth.yaml");
}
