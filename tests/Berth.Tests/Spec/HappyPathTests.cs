using System.Text.Json.Nodes;
using Berth.Spec;

namespace Berth.Tests.Spec;

public sealed class HappyPathTests
{
    private static BerthSpec Load(string text, string file = "berth.yaml")
    {
        var result = SpecLoader.Parse(text, file);
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.Succeeded.ShouldBeTrue();
        return result.Spec!;
    }

    [Fact]
    public void Full_spec_puts_every_value_in_its_field()
    {
        var spec = Load(SpecSamples.Full, "dir/berth.yaml");

        spec.Version.ShouldBe(1);
        spec.Name.ShouldBe("fraud-detection");
        spec.Region.ShouldBe("eu-west-1");
        spec.Environment.ShouldBe(DeploymentEnvironment.Staging);
        spec.SourcePath.ShouldBe("dir/berth.yaml");
        spec.Team.ShouldBe(new TeamSpec(12, KubernetesExpertise.Strong, 4, 9, 125.5m));

        var r = spec.Requirements;
        (r.Gitops, r.ServiceMesh, r.EventDrivenScaling, r.StatefulWorkloads, r.Gpu, r.CustomNodeConfig, r.LiftAndShift)
            .ShouldBe((true, true, true, true, true, true, true));
        r.MultiTenancy.ShouldBe(MultiTenancy.Namespace);
        r.Operators.ShouldBe(["spark-operator", "strimzi"]);

        spec.Services.Select(s => s.Name).ShouldBe(["fraud-scoring", "scorer", "feeder-1", "feeder-2"]);

        var web = spec.Services[0];
        web.Type.ShouldBe(ServiceType.Web);
        web.Cpu.ShouldBe(new Millicores(1000));
        web.Memory.ShouldBe(ByteSize.FromGiB(2));
        web.Replicas.ShouldBe(3);
        web.Team.ShouldBe("scoring");
        spec.Services[1].Team.ShouldBeNull();
        web.Scaling.ShouldBeNull();
        (web.MinReplicas, web.MaxReplicas).ShouldBe((3, 3));
        web.Demand.ShouldBe(DemandProfile.Named("business-hours"));
        web.Spot.ShouldBeTrue();
        web.Arch.ShouldBe(CpuArch.X64);
        web.Storage.ShouldBe(ByteSize.FromGiB(30));
        web.Port.ShouldBe(8081);
        web.HealthCheck.ShouldBe("/healthz");
        web.Secrets.ShouldBe(new Dictionary<string, string> { ["API_KEY"] = "prod/api", ["DB_PASSWORD"] = "prod/db/password" });
        web.Secrets.Keys.ShouldBe(["API_KEY", "DB_PASSWORD"]);
        web.EventSource.ShouldBe(new EventSourceSpec(EventSourceType.Sqs, "orders", 50));
        web.GracefulShutdown.ShouldBeFalse();
        web.BaseName.ShouldBe("fraud-scoring");
        web.Location.ShouldBe(new SourceLocation("dir/berth.yaml", 25, 11));

        var backend = spec.Services[1];
        backend.Type.ShouldBe(ServiceType.Backend);
        backend.Cpu.Value.ShouldBe(500);
        backend.Memory.ShouldBe(ByteSize.FromMiB(2048));
        backend.Replicas.ShouldBeNull();
        backend.Scaling.ShouldBe(new ScalingSpec(2, 20, 60, 80));
        (backend.MinReplicas, backend.MaxReplicas).ShouldBe((2, 20));
        backend.Demand.Shape.ShouldBe("nightly-batch");
        backend.Spot.ShouldBeFalse();
        backend.Arch.ShouldBe(CpuArch.Arm64);
        backend.Storage.ShouldBe(ByteSize.FromMiB(2048));
        backend.Port.ShouldBe(8080);
        backend.GracefulShutdown.ShouldBeTrue();

        foreach (var worker in spec.Services.Skip(2))
        {
            worker.Type.ShouldBe(ServiceType.Worker);
            worker.BaseName.ShouldBe("feeder");
            worker.Cpu.Value.ShouldBe(500);
            worker.Memory.Bytes.ShouldBe(2048L * 1024 * 1024);
            worker.Demand.Shape.ShouldBe("spiky");
            worker.Arch.ShouldBe(CpuArch.X64);
            worker.Storage.Bytes.ShouldBe(2_000_000_000L);
            worker.Port.ShouldBeNull();
            worker.EventSource.ShouldBe(new EventSourceSpec(EventSourceType.Kafka, "payments", 100));
        }

        spec.Ecs.CapacityProviderStrategy.ShouldBe([new CapacityProviderItem("FARGATE", 1, 20), new CapacityProviderItem("FARGATE_SPOT", 0, 80)]);

        var eks = spec.Eks;
        eks.Version.ShouldBe("1.32");
        eks.SupportTier.ShouldBe(SupportTier.Extended);
        eks.NodeGroups.Select(g => g with { Location = default }).ShouldBe([
            new NodeGroupSpec("general", "m5.xlarge", 3, CapacityType.OnDemand),
            new NodeGroupSpec("batch", "c6g.2xlarge", 2, CapacityType.Spot),
        ]);
        var k = eks.Karpenter;
        k.Enabled.ShouldBeFalse();
        k.InstanceCategories.ShouldBe(["c", "m"]);
        k.InstanceCpu.ShouldBe([8, 16]);
        k.InstanceFamilies.ShouldBe(["m7g", "c7g"]);
        k.InstanceGenerations.ShouldBe([6, 7]);
        k.CapacityTypes.ShouldBe([CapacityType.OnDemand]);
        k.Arch.ShouldBe([CpuArch.Arm64, CpuArch.X64]);
        k.Consolidation.ShouldBe(ConsolidationPolicy.WhenEmpty);
        k.ConsolidateAfter.ShouldBe(TimeSpan.FromMinutes(90));
        eks.DaemonSetOverhead.ShouldBe(new ResourceOverhead(new Millicores(300), ByteSize.FromMiB(512)));

        var p = spec.Pricing;
        p.HoursPerMonth.ShouldBe(720m);
        p.Catalog.ShouldBe("embedded");
        p.FargateOverride.ShouldBe(new FargatePriceOverride(0.04048m, 0.004445m, 0.70m));
        p.Ec2Overrides.Keys.ShouldBe(["m5.xlarge"]);
        (p.Ec2Overrides["m5.xlarge"] with { Location = default }).ShouldBe(new Ec2PriceOverride(0.192m, 0.057m));
        p.ComputeSavingsPlan.ShouldBe(0.2m);

        spec.Clients.ShouldBe(["client-a", "client-b"]);
    }

    [Fact]
    public void Minimal_spec_gets_every_documented_default()
    {
        var spec = Load(SpecSamples.Minimal);

        spec.Version.ShouldBe(BerthSpec.CurrentVersion);
        spec.Name.ShouldBe("shop");
        spec.Region.ShouldBe(KnownRegions.Default);
        spec.Region.ShouldBe(SchemaDefault("region"));
        spec.Environment.ShouldBe(DeploymentEnvironment.Production);
        SpecEnums.Environment.NameOf(spec.Environment).ShouldBe(SchemaDefault("environment"));
        spec.Clients.ShouldBeEmpty();

        spec.Team.ShouldBe(TeamSpec.Default);
        spec.Team.Engineers.ToString().ShouldBe(SchemaDefault("team", "engineers"));
        SpecEnums.Expertise.NameOf(spec.Team.KubernetesExpertise).ShouldBe(SchemaDefault("team", "kubernetesExpertise"));
        spec.Team.OwningTeams.ToString().ShouldBe(SchemaDefault("team", "owningTeams"));
        spec.Team.TimelineMonths.ToString().ShouldBe(SchemaDefault("team", "timelineMonths"));
        spec.Team.HourlyRateUsd.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(SchemaDefault("team", "hourlyRateUsd"));

        var r = spec.Requirements;
        (r.Gitops, r.ServiceMesh, r.EventDrivenScaling, r.StatefulWorkloads, r.Gpu, r.CustomNodeConfig, r.LiftAndShift)
            .ShouldBe((false, false, false, false, false, false, false));
        r.MultiTenancy.ShouldBe(MultiTenancy.None);
        r.Operators.ShouldBeEmpty();
        foreach (var key in new[] { "gitops", "serviceMesh", "eventDrivenScaling", "statefulWorkloads", "gpu", "customNodeConfig", "liftAndShift" })
        {
            SchemaDefault("requirements", key).ShouldBe("false");
        }

        SchemaDefault("requirements", "multiTenancy").ShouldBe("none");

        var s = spec.Services.ShouldHaveSingleItem();
        s.Name.ShouldBe("api");
        s.BaseName.ShouldBe("api");
        s.Type.ShouldBe(ServiceType.Web);
        SchemaDefault("services", "type").ShouldBe("web");
        s.Cpu.ShouldBe(new Millicores(250));
        s.Cpu.ToString().ShouldBe(SchemaDefault("services", "cpu"));
        s.Memory.ShouldBe(ByteSize.FromMiB(512));
        s.Memory.ToString().ShouldBe(SchemaDefault("services", "memory"));
        s.Replicas.ShouldBeNull();
        s.Scaling.ShouldBeNull();
        (s.MinReplicas, s.MaxReplicas).ShouldBe((1, 1));
        s.Demand.ShouldBe(DemandProfile.Flat);
        s.Demand.Shape.ShouldBe(SchemaDefault("services", "demand"));
        s.Spot.ShouldBeFalse();
        SchemaDefault("services", "spot").ShouldBe("false");
        s.Arch.ShouldBe(CpuArch.X64);
        SchemaDefault("services", "arch").ShouldBe("x86_64");
        s.Storage.ShouldBe(ByteSize.FromGiB(20));
        s.Storage.ToString().ShouldBe(SchemaDefault("services", "storage"));
        s.Port.ShouldBe(8080);
        s.HealthCheck.ShouldBe("/health");
        s.HealthCheck.ShouldBe(SchemaDefault("services", "healthCheck"));
        s.Secrets.ShouldBeEmpty();
        s.EventSource.ShouldBeNull();
        s.GracefulShutdown.ShouldBeTrue();
        SchemaDefault("services", "gracefulShutdown").ShouldBe("true");
        SchemaDefault("services", "count").ShouldBe("1");

        spec.Ecs.ShouldBe(EcsSpec.Default);
        spec.Ecs.CapacityProviderStrategy.ShouldBe([new CapacityProviderItem("FARGATE", 0, 1)]);

        var eks = spec.Eks;
        eks.Version.ShouldBe("1.35");
        eks.Version.ShouldBe(SchemaDefault("eks", "version"));
        eks.SupportTier.ShouldBe(SupportTier.Standard);
        SchemaDefault("eks", "supportTier").ShouldBe("standard");
        eks.NodeGroups.ShouldBeEmpty();
        eks.DaemonSetOverhead.ShouldBe(new ResourceOverhead(new Millicores(200), ByteSize.FromMiB(256)));
        eks.DaemonSetOverhead.Cpu.ToString().ShouldBe(SchemaDefault("eks", "daemonSetOverhead", "cpu"));
        eks.DaemonSetOverhead.Memory.ToString().ShouldBe(SchemaDefault("eks", "daemonSetOverhead", "memory"));

        var k = eks.Karpenter;
        k.ShouldBeSameAs(KarpenterSpec.Default);
        k.Enabled.ShouldBeTrue();
        SchemaDefault("eks", "karpenter", "enabled").ShouldBe("true");
        k.InstanceCategories.ShouldBe(["c", "m", "r"]);
        k.InstanceCpu.ShouldBe([4, 8, 16, 32]);
        k.InstanceFamilies.ShouldBeEmpty();
        k.InstanceGenerations.ShouldBeEmpty();
        k.CapacityTypes.ShouldBe([CapacityType.Spot, CapacityType.OnDemand]);
        k.Arch.ShouldBe([CpuArch.X64, CpuArch.Arm64]);
        k.Consolidation.ShouldBe(ConsolidationPolicy.WhenEmptyOrUnderutilized);
        SchemaDefault("eks", "karpenter", "consolidation").ShouldBe("WhenEmptyOrUnderutilized");
        k.ConsolidateAfter.ShouldBe(TimeSpan.FromSeconds(30));
        SchemaDefault("eks", "karpenter", "consolidateAfter").ShouldBe("30s");

        var p = spec.Pricing;
        p.HoursPerMonth.ShouldBe(730m);
        SchemaDefault("pricing", "hoursPerMonth").ShouldBe("730");
        p.Catalog.ShouldBe(PricingSpec.EmbeddedCatalog);
        SchemaDefault("pricing", "catalog").ShouldBe("embedded");
        p.FargateOverride.ShouldBeNull();
        p.Ec2Overrides.ShouldBeEmpty();
        p.ComputeSavingsPlan.ShouldBe(0m);
        SchemaDefault("pricing", "discounts", "computeSavingsPlan").ShouldBe("0");
    }

    [Fact]
    public void Scaling_defaults_its_targets()
    {
        var spec = Load(SpecSamples.Minimal + "\n    scaling: { min: 0, max: 4 }\n");

        spec.Services[0].Scaling.ShouldBe(new ScalingSpec(0, 4, 70, 75));
        SchemaDefault("services", "scaling", "cpuTarget").ShouldBe("70");
        SchemaDefault("services", "scaling", "memoryTarget").ShouldBe("75");
    }

    [Fact]
    public void Workers_have_no_port_by_default()
    {
        var spec = Load(SpecSamples.Minimal + "\n    type: worker\n");

        spec.Services[0].Port.ShouldBeNull();
    }

    [Fact]
    public void Count_expands_to_numbered_copies()
    {
        var spec = Load("version: 1\nname: shop\nservices:\n  - name: api\n    count: 3\n    cpu: 2\n  - name: web\n");

        spec.Services.Select(s => s.Name).ShouldBe(["api-1", "api-2", "api-3", "web"]);
        spec.Services.Take(3).ShouldAllBe(s => s.BaseName == "api" && s.Cpu.Value == 2000 && s.Location.Line == 4);
    }

    [Fact]
    public void A_24_value_demand_list_repeats_every_day()
    {
        var day = Enumerable.Range(0, 24).Select(h => h / 23.0).ToArray();
        var list = string.Join(", ", day.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

        var demand = Load(SpecSamples.Minimal + $"\n    demand: [{list}]\n").Services[0].Demand;

        demand.Shape.ShouldBe("custom");
        demand.HourOfWeek.Count.ShouldBe(168);
        for (var h = 0; h < 168; h++)
        {
            demand.HourOfWeek[h].ShouldBe(day[h % 24]);
        }
    }

    [Fact]
    public void A_168_value_demand_list_is_the_week()
    {
        var week = Enumerable.Range(0, 168).Select(h => (h % 10) / 10.0).ToArray();
        var list = string.Join(", ", week.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

        var demand = Load(SpecSamples.Minimal + $"\n    demand: [{list}]\n").Services[0].Demand;

        demand.HourOfWeek.ShouldBe(week);
    }

    [Theory]
    [InlineData("amd64")]
    [InlineData("x86_64")]
    public void Amd64_and_x86_64_are_the_same_architecture(string arch)
    {
        var spec = Load(SpecSamples.Minimal + $"\n    arch: {arch}\neks:\n  karpenter:\n    arch: [{arch}]\n");

        spec.Services[0].Arch.ShouldBe(CpuArch.X64);
        spec.Eks.Karpenter.Arch.ShouldBe([CpuArch.X64]);
    }

    [Theory]
    [InlineData("500m", 500)]
    [InlineData("0.5", 500)]
    [InlineData("1", 1000)]
    [InlineData("2", 2000)]
    [InlineData("1.25", 1250)]
    [InlineData("250m", 250)]
    public void Cpu_quantities(string text, long millicores)
    {
        Load(SpecSamples.Minimal + $"\n    cpu: {text}\n").Services[0].Cpu.Value.ShouldBe(millicores);
        QuantityParser.TryParseCpu(text, out var parsed, out var problem).ShouldBeTrue();
        parsed.Value.ShouldBe(millicores);
        problem.ShouldBeNull();
    }

    [Theory]
    [InlineData("2Gi", 2L * 1024 * 1024 * 1024)]
    [InlineData("2048Mi", 2L * 1024 * 1024 * 1024)]
    [InlineData("2GB", 2048L * 1024 * 1024)]
    [InlineData("2G", 2_000_000_000L)]
    [InlineData("512Mi", 512L * 1024 * 1024)]
    [InlineData("512MB", 512L * 1024 * 1024)]
    [InlineData("1.5Gi", 1536L * 1024 * 1024)]
    [InlineData("20000k", 20_000_000L)]
    [InlineData("1Ti", 1024L * 1024 * 1024 * 1024)]
    public void Memory_quantities(string text, long bytes)
    {
        Load(SpecSamples.Minimal + $"\n    memory: {text}\n").Services[0].Memory.Bytes.ShouldBe(bytes);
        QuantityParser.TryParseBytes(text, out var parsed, out _).ShouldBeTrue();
        parsed.Bytes.ShouldBe(bytes);
    }

    [Fact]
    public void Eks_version_like_1_30_keeps_its_trailing_zero()
    {
        Load(SpecSamples.Minimal + "\neks:\n  version: 1.30\n").Eks.Version.ShouldBe("1.30");
    }

    [Fact]
    public void Null_sections_take_their_defaults()
    {
        var spec = Load(SpecSamples.Minimal + "\nteam:\nrequirements: ~\neks:\n  karpenter:\n");

        spec.Team.ShouldBe(TeamSpec.Default);
        spec.Eks.Karpenter.ShouldBe(KarpenterSpec.Default);
    }

    /// <summary>The "default" the JSON Schema documents for a key, as text (through services items / nested objects).</summary>
    private static string SchemaDefault(params string[] path)
    {
        JsonNode node = JsonNode.Parse(SpecSchema.ToJsonText())!;
        foreach (var key in path)
        {
            node = node["properties"]![key]!;
            if (node["items"] is { } items && node["type"]?.GetValue<string>() == "array" && items["properties"] is not null)
            {
                node = items;
            }
        }

        var value = node["default"].ShouldNotBeNull($"the schema documents no default for {string.Join(".", path)}");
        return value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
    }
}
