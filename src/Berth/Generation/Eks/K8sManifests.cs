using System.Globalization;
using Berth.Generation.Yaml;
using Berth.Planning;
using Berth.Spec;

namespace Berth.Generation.Eks;

/// <summary>k8s/: a Namespace per team, and per service its ServiceAccount, Deployment, PDB, Service, HPA or KEDA
/// ScaledObject, and an Ingress for web services (AWS Load Balancer Controller).</summary>
public static class K8sManifests
{
    public const int RunAsUser = 10001;

    public static IEnumerable<GeneratedFile> Files(BerthSpec spec, EksLayout layout, KarpenterPlan plan)
    {
        var workloads = plan.Workloads.ToDictionary(w => w.Name, StringComparer.Ordinal);
        foreach (var ns in layout.Namespaces)
        {
            yield return new($"k8s/namespaces/{ns}.yaml", YamlWriter.Write(Namespace(spec, ns)));
        }

        foreach (var s in spec.Services.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var ns = layout.NamespaceOf[s.Name];
            var dir = $"k8s/{s.Name}/";
            yield return new(dir + "serviceaccount.yaml", YamlWriter.Write(ServiceAccount(spec, s, ns)));
            yield return new(dir + "deployment.yaml", YamlWriter.Write(Deployment(spec, workloads[s.Name], ns)));
            yield return new(dir + "poddisruptionbudget.yaml", YamlWriter.Write(Pdb(spec, s, ns)));
            if (s.Port is not null)
            {
                yield return new(dir + "service.yaml", YamlWriter.Write(Service(spec, s, ns)));
            }

            if (s.EventSource is { } e)
            {
                yield return new(dir + "scaledobject.yaml", YamlWriter.Write(ScaledObject(spec, s, e, ns)));
                if (e.Type == EventSourceType.Sqs)
                {
                    yield return new(dir + "triggerauthentication.yaml", YamlWriter.Write(TriggerAuthentication(spec, s, ns)));
                }
            }
            else if (s.Scaling is { } scaling)
            {
                yield return new(dir + "horizontalpodautoscaler.yaml", YamlWriter.Write(Hpa(spec, s, scaling, ns)));
            }

            if (s.Type == ServiceType.Web)
            {
                yield return new(dir + "ingress.yaml", YamlWriter.Write(Ingress(spec, s, ns, layout.Domain)));
            }
        }
    }

    public static YamlMap Labels(BerthSpec spec, ServiceSpec s) => new()
    {
        ["app.kubernetes.io/name"] = s.Name,
        ["app.kubernetes.io/part-of"] = spec.Name,
        ["app.kubernetes.io/managed-by"] = "berth",
    };

    private static YamlMap Selector(ServiceSpec s) => new() { ["app.kubernetes.io/name"] = s.Name };

    /// <summary>
    /// The lint's findings on a Deployment that berth.yaml decided, as the annotation <c>berth lint</c> reads
    /// (reasons without commas or semicolons: they separate entries). docs/generate.md lists them.
    /// </summary>
    private static YamlMap? Accepted(ServiceSpec s)
    {
        var accepted = new List<string>();
        if (s.Port is null)
        {
            accepted.Add("BERTH-K8S-006=a worker without a port has no endpoint to probe: add an exec probe when its image has a health command");
        }

        if (s.EventSource is null && s.Scaling is null && s.MinReplicas < 2)
        {
            accepted.Add(string.Create(CultureInfo.InvariantCulture, $"BERTH-K8S-007=berth.yaml runs {s.MinReplicas} replica of {s.BaseName}: raise replicas there for availability"));
        }

        return accepted.Count == 0 ? null : new YamlMap { [AcceptedAnnotation] = string.Join(", ", accepted) };
    }

    /// <summary>The annotation <c>berth lint</c> reads in-source suppressions from (Linting/LintSuppressions.cs).</summary>
    public const string AcceptedAnnotation = "berth.dev/ignore";

    private static YamlMap Meta(BerthSpec spec, ServiceSpec s, string ns, YamlMap? annotations = null) => new()
    {
        ["name"] = s.Name,
        ["namespace"] = ns,
        ["labels"] = Labels(spec, s),
        ["annotations"] = annotations,
    };

    private static YamlMap Namespace(BerthSpec spec, string ns) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new YamlMap
        {
            ["name"] = ns,
            ["labels"] = new YamlMap
            {
                ["app.kubernetes.io/part-of"] = spec.Name,
                ["app.kubernetes.io/managed-by"] = "berth",
                ["pod-security.kubernetes.io/enforce"] = "restricted",
                ["pod-security.kubernetes.io/warn"] = "restricted",
            },
        },
    };

    private static YamlMap ServiceAccount(BerthSpec spec, ServiceSpec s, string ns) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ServiceAccount",
        ["metadata"] = Meta(spec, s, ns),
        ["automountServiceAccountToken"] = false,
    };

    public static string Quantity(Millicores cpu) => cpu.Value % 1000 == 0
        ? (cpu.Value / 1000).ToString(CultureInfo.InvariantCulture)
        : cpu.Value.ToString(CultureInfo.InvariantCulture) + "m";

    public static string Quantity(ByteSize bytes) => bytes.Bytes % ByteSize.GiBBytes == 0
        ? (bytes.Bytes / ByteSize.GiBBytes).ToString(CultureInfo.InvariantCulture) + "Gi"
        : ((long)Math.Ceiling(bytes.MiB)).ToString(CultureInfo.InvariantCulture) + "Mi";

    /// <summary>The pod's requests (and equal limits) as the plan has them: ephemeral storage only when berth.yaml asks for it, GPUs when it has any.</summary>
    public static YamlMap Resources(WorkloadPlan w)
    {
        var s = w.Service;
        var resources = new YamlMap
        {
            ["cpu"] = Quantity(s.Cpu),
            ["memory"] = Quantity(s.Memory),
        };
        if (w.Requests.EphemeralMiB > 0)
        {
            resources["ephemeral-storage"] = Quantity(s.Storage);
        }

        if (w.Requests.Gpus > 0)
        {
            resources["nvidia.com/gpu"] = w.Requests.Gpus;
        }

        return resources;
    }

    private static YamlMap Deployment(BerthSpec spec, WorkloadPlan w, string ns)
    {
        var s = w.Service;
        var resources = Resources(w);
        var container = new YamlMap
        {
            ["name"] = s.Name,
            ["image"] = $"{spec.Name}/{s.Name}:0.1.0",
            ["imagePullPolicy"] = "IfNotPresent",
        };
        if (s.Port is { } port)
        {
            container["ports"] = new[] { new YamlMap { ["name"] = "http", ["containerPort"] = port, ["protocol"] = "TCP" } };
        }

        var env = new List<YamlMap>();
        if (s.EventSource is { } e)
        {
            // Environment-specific endpoints come from a ConfigMap the platform team provides (see the README).
            var key = e.Type == EventSourceType.Sqs ? "QUEUE_URL" : "KAFKA_BOOTSTRAP_SERVERS";
            env.Add(new YamlMap
            {
                ["name"] = key,
                ["valueFrom"] = new YamlMap
                {
                    ["configMapKeyRef"] = new YamlMap { ["name"] = s.Name + "-endpoints", ["key"] = key },
                },
            });
        }

        container["env"] = env.Count > 0 ? env : null;
        container["resources"] = new YamlMap { ["requests"] = resources, ["limits"] = resources };
        if (s.Port is not null)
        {
            YamlMap Probe(int period, int failures) => new()
            {
                ["httpGet"] = new YamlMap { ["path"] = s.HealthCheck, ["port"] = "http" },
                ["periodSeconds"] = period,
                ["timeoutSeconds"] = 3,
                ["failureThreshold"] = failures,
            };
            container["startupProbe"] = Probe(5, 24);
            container["readinessProbe"] = Probe(10, 3);
            container["livenessProbe"] = Probe(20, 3);
        }

        container["securityContext"] = new YamlMap
        {
            ["runAsNonRoot"] = true,
            ["readOnlyRootFilesystem"] = true,
            ["allowPrivilegeEscalation"] = false,
            ["capabilities"] = new YamlMap { ["drop"] = new[] { "ALL" } },
            ["seccompProfile"] = new YamlMap { ["type"] = "RuntimeDefault" },
        };
        container["volumeMounts"] = new[] { new YamlMap { ["name"] = "tmp", ["mountPath"] = "/tmp" } };

        // The plan's scheduling constraints, which Berth's packer reads too: the pool (selector and tolerations), the
        // Spot preference Karpenter treats as required until it cannot, and zone spread for availability.
        var nodeSelector = new YamlMap();
        foreach (var (k, v) in w.NodeSelector)
        {
            nodeSelector[k] = v;
        }

        var tolerations = w.Tolerations.Count == 0 ? null : w.Tolerations.Select(t => new YamlMap
        {
            ["key"] = t.Key,
            ["operator"] = t.Operator,
            ["value"] = t.Value,
            ["effect"] = t.Effect,
        }).ToArray();
        var affinity = w.Preferred.Count == 0 ? null : new YamlMap
        {
            ["nodeAffinity"] = new YamlMap
            {
                ["preferredDuringSchedulingIgnoredDuringExecution"] = w.Preferred.Select(p => new YamlMap
                {
                    ["weight"] = p.Weight,
                    ["preference"] = new YamlMap
                    {
                        ["matchExpressions"] = new[] { new YamlMap { ["key"] = p.Key, ["operator"] = "In", ["values"] = p.Values.ToArray() } },
                    },
                }).ToArray(),
            },
        };
        var spread = w.Spread.Count == 0 ? null : w.Spread.Select(t => new YamlMap
        {
            ["maxSkew"] = t.MaxSkew,
            ["topologyKey"] = t.TopologyKey,
            ["whenUnsatisfiable"] = t.WhenUnsatisfiable,
            ["labelSelector"] = new YamlMap { ["matchLabels"] = Selector(s) },
        }).ToArray();

        return new YamlMap
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = Meta(spec, s, ns, Accepted(s)),
            ["spec"] = new YamlMap
            {
                // An HPA or KEDA owns the replica count: a fixed `replicas` would be re-applied by every sync and fight it
                // (Kubernetes docs, "Migrating Deployments and StatefulSets to horizontal autoscaling").
                ["replicas"] = s.EventSource is null && s.Scaling is null ? s.MinReplicas : null,
                ["revisionHistoryLimit"] = 5,
                ["selector"] = new YamlMap { ["matchLabels"] = Selector(s) },
                ["strategy"] = new YamlMap
                {
                    ["type"] = "RollingUpdate",
                    ["rollingUpdate"] = new YamlMap { ["maxSurge"] = "25%", ["maxUnavailable"] = 0 },
                },
                ["template"] = new YamlMap
                {
                    ["metadata"] = new YamlMap { ["labels"] = Labels(spec, s) },
                    ["spec"] = new YamlMap
                    {
                        ["serviceAccountName"] = s.Name,
                        ["automountServiceAccountToken"] = false,
                        ["terminationGracePeriodSeconds"] = s.GracefulShutdown ? 120 : 30,
                        ["securityContext"] = new YamlMap
                        {
                            ["runAsNonRoot"] = true,
                            ["runAsUser"] = RunAsUser,
                            ["runAsGroup"] = RunAsUser,
                            ["fsGroup"] = RunAsUser,
                            ["seccompProfile"] = new YamlMap { ["type"] = "RuntimeDefault" },
                        },
                        ["nodeSelector"] = nodeSelector,
                        ["tolerations"] = tolerations,
                        ["affinity"] = affinity,
                        ["topologySpreadConstraints"] = spread,
                        ["containers"] = new[] { container },
                        ["volumes"] = new[] { new YamlMap { ["name"] = "tmp", ["emptyDir"] = new YamlMap { ["sizeLimit"] = "256Mi" } } },
                    },
                },
            },
        };
    }

    private static YamlMap Pdb(BerthSpec spec, ServiceSpec s, string ns) => new()
    {
        ["apiVersion"] = "policy/v1",
        ["kind"] = "PodDisruptionBudget",
        ["metadata"] = Meta(spec, s, ns),
        ["spec"] = new YamlMap
        {
            ["maxUnavailable"] = 1,
            ["selector"] = new YamlMap { ["matchLabels"] = Selector(s) },
        },
    };

    private static YamlMap Service(BerthSpec spec, ServiceSpec s, string ns) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = Meta(spec, s, ns),
        ["spec"] = new YamlMap
        {
            ["type"] = "ClusterIP",
            ["selector"] = Selector(s),
            ["ports"] = new[] { new YamlMap { ["name"] = "http", ["port"] = 80, ["targetPort"] = "http", ["protocol"] = "TCP" } },
        },
    };

    private static YamlMap Hpa(BerthSpec spec, ServiceSpec s, ScalingSpec scaling, string ns) => new()
    {
        ["apiVersion"] = "autoscaling/v2",
        ["kind"] = "HorizontalPodAutoscaler",
        ["metadata"] = Meta(spec, s, ns),
        ["spec"] = new YamlMap
        {
            ["scaleTargetRef"] = new YamlMap { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = s.Name },
            ["minReplicas"] = scaling.Min,
            ["maxReplicas"] = scaling.Max,
            ["metrics"] = new[] { ("cpu", scaling.CpuTarget), ("memory", scaling.MemoryTarget) }.Select(m => new YamlMap
            {
                ["type"] = "Resource",
                ["resource"] = new YamlMap
                {
                    ["name"] = m.Item1,
                    ["target"] = new YamlMap { ["type"] = "Utilization", ["averageUtilization"] = m.Item2 },
                },
            }).ToArray(),
            ["behavior"] = new YamlMap
            {
                ["scaleDown"] = new YamlMap { ["stabilizationWindowSeconds"] = 300 },
                ["scaleUp"] = new YamlMap { ["stabilizationWindowSeconds"] = 0 },
            },
        },
    };

    private static YamlMap ScaledObject(BerthSpec spec, ServiceSpec s, EventSourceSpec e, string ns)
    {
        var target = e.TargetPerReplica.ToString(CultureInfo.InvariantCulture);
        var trigger = e.Type == EventSourceType.Sqs
            ? new YamlMap
            {
                ["type"] = "aws-sqs-queue",
                ["authenticationRef"] = new YamlMap { ["name"] = s.Name },
                ["metadata"] = new YamlMap
                {
                    ["queueURLFromEnv"] = "QUEUE_URL",
                    ["queueLength"] = target,
                    ["awsRegion"] = spec.Region,
                },
            }
            : new YamlMap
            {
                ["type"] = "kafka",
                ["metadata"] = new YamlMap
                {
                    ["bootstrapServersFromEnv"] = "KAFKA_BOOTSTRAP_SERVERS",
                    ["consumerGroup"] = s.Name,
                    ["topic"] = e.Name,
                    ["lagThreshold"] = target,
                },
            };
        return new YamlMap
        {
            ["apiVersion"] = "keda.sh/v1alpha1",
            ["kind"] = "ScaledObject",
            ["metadata"] = Meta(spec, s, ns),
            ["spec"] = new YamlMap
            {
                ["scaleTargetRef"] = new YamlMap { ["name"] = s.Name },
                ["minReplicaCount"] = s.MinReplicas,
                ["maxReplicaCount"] = Math.Max(s.MaxReplicas, s.MinReplicas),
                ["cooldownPeriod"] = 300,
                ["triggers"] = new[] { trigger },
            },
        };
    }

    private static YamlMap TriggerAuthentication(BerthSpec spec, ServiceSpec s, string ns) => new()
    {
        ["apiVersion"] = "keda.sh/v1alpha1",
        ["kind"] = "TriggerAuthentication",
        ["metadata"] = Meta(spec, s, ns),
        ["spec"] = new YamlMap
        {
            // KEDA's operator reads the queue depth with its own Pod Identity role (terraform/controllers.tf):
            // identityOwner workload would need an IRSA role annotation on the workload's service account.
            ["podIdentity"] = new YamlMap { ["provider"] = "aws", ["identityOwner"] = "keda" },
        },
    };

    private static YamlMap Ingress(BerthSpec spec, ServiceSpec s, string ns, string domain)
    {
        var host = $"{s.Name}.{domain}";
        var annotations = new YamlMap
        {
            ["alb.ingress.kubernetes.io/scheme"] = "internal",
            ["alb.ingress.kubernetes.io/target-type"] = "ip",
            ["alb.ingress.kubernetes.io/group.name"] = spec.Name,
            ["alb.ingress.kubernetes.io/listen-ports"] = "[{\"HTTPS\":443}]",
            ["alb.ingress.kubernetes.io/ssl-policy"] = "ELBSecurityPolicy-TLS13-1-2-2021-06",
            ["alb.ingress.kubernetes.io/healthcheck-path"] = s.HealthCheck,
            ["alb.ingress.kubernetes.io/target-group-attributes"] = "deregistration_delay.timeout_seconds=30",
        };
        return new YamlMap
        {
            ["apiVersion"] = "networking.k8s.io/v1",
            ["kind"] = "Ingress",
            ["metadata"] = Meta(spec, s, ns, annotations),
            ["spec"] = new YamlMap
            {
                ["ingressClassName"] = "alb",
                ["tls"] = new[] { new YamlMap { ["hosts"] = new[] { host } } },
                ["rules"] = new[]
                {
                    new YamlMap
                    {
                        ["host"] = host,
                        ["http"] = new YamlMap
                        {
                            ["paths"] = new[]
                            {
                                new YamlMap
                                {
                                    ["path"] = "/",
                                    ["pathType"] = "Prefix",
                                    ["backend"] = new YamlMap
                                    {
                                        ["service"] = new YamlMap { ["name"] = s.Name, ["port"] = new YamlMap { ["name"] = "http" } },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        };
    }
}
