namespace Berth.Tests.Spec;

/// <summary>Specs shared by the tests.</summary>
internal static class SpecSamples
{
    /// <summary>Every key of DESIGN.md's berth.yaml example (and the few keys the schema adds), with non-default values.</summary>
    public const string Full = """
        version: 1
        name: fraud-detection
        region: eu-west-1
        environment: staging

        team:
          engineers: 12
          kubernetesExpertise: strong
          owningTeams: 4
          timelineMonths: 9
          hourlyRateUsd: 125.5

        requirements:
          gitops: true
          serviceMesh: true
          multiTenancy: namespace
          eventDrivenScaling: true
          statefulWorkloads: true
          gpu: true
          customNodeConfig: true
          liftAndShift: true
          operators: [spark-operator, strimzi]

        services:
          - name: fraud-scoring
            type: web
            cpu: 1
            memory: 2Gi
            replicas: 3
            demand: business-hours
            spot: true
            arch: x86_64
            storage: 30Gi
            port: 8081
            healthCheck: /healthz
            secrets: { DB_PASSWORD: prod/db/password, API_KEY: prod/api }
            eventSource: { type: sqs, name: orders, targetPerReplica: 50 }
            gracefulShutdown: false
            count: 1
            team: scoring
          - name: scorer
            type: backend
            cpu: 500m
            memory: 2048Mi
            scaling: { min: 2, max: 20, cpuTarget: 60, memoryTarget: 80 }
            demand: nightly-batch
            arch: arm64
            storage: 2GB
          - name: feeder
            type: worker
            cpu: 0.5
            memory: 2GB
            demand: spiky
            arch: amd64
            storage: 2G
            eventSource: { type: kafka, name: payments }
            count: 2

        ecs:
          capacityProviderStrategy:
            - { provider: FARGATE, base: 1, weight: 20 }
            - { provider: FARGATE_SPOT, weight: 80 }

        eks:
          version: "1.32"
          supportTier: extended
          nodeGroups:
            - { name: general, instanceType: m5.xlarge, count: 3, capacityType: on-demand }
            - { name: batch, instanceType: c6g.2xlarge, count: 2, capacityType: spot }
          karpenter:
            enabled: false
            instanceCategories: [c, m]
            instanceCpu: [8, 16]
            instanceFamilies: [m7g, c7g]
            instanceGenerations: [6, 7]
            capacityTypes: [on-demand]
            arch: [arm64, x86_64]
            consolidation: WhenEmpty
            consolidateAfter: 1h30m
          daemonSetOverhead: { cpu: 300m, memory: 512Mi }

        pricing:
          hoursPerMonth: 720
          catalog: embedded
          overrides:
            fargate: { vcpuHour: 0.04048, gbHour: 0.004445, spotDiscount: 0.70 }
            ec2: { m5.xlarge: { onDemand: 0.192, spot: 0.057 } }
          discounts: { computeSavingsPlan: 0.2 }

        clients: [client-a, client-b]
        """;

    public const string Minimal = """
        version: 1
        name: shop
        services:
          - name: api
        """;
}
