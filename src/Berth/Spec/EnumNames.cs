namespace Berth.Spec;

/// <summary>The berth.yaml spellings of an enum: the first spelling of a value is its canonical name, later ones are aliases.</summary>
public sealed class EnumNames<T>
    where T : struct, Enum
{
    private readonly (string Name, T Value)[] _names;

    public EnumNames(params (string Name, T Value)[] names) => _names = names;

    /// <summary>Every accepted spelling, aliases included.</summary>
    public IReadOnlyList<string> All => _names.Select(n => n.Name).ToArray();

    /// <summary>One spelling per value, for messages that list the choices.</summary>
    public IReadOnlyList<string> Canonical => _names.DistinctBy(n => n.Value).Select(n => n.Name).ToArray();

    public bool TryParse(string text, out T value)
    {
        foreach (var (name, v) in _names)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }

    public string NameOf(T value) => _names.First(n => EqualityComparer<T>.Default.Equals(n.Value, value)).Name;
}

/// <summary>Every enum of berth.yaml, spelled as users write it.</summary>
public static class SpecEnums
{
    public static EnumNames<DeploymentEnvironment> Environment { get; } = new(
        ("production", DeploymentEnvironment.Production),
        ("staging", DeploymentEnvironment.Staging),
        ("development", DeploymentEnvironment.Development));

    public static EnumNames<KubernetesExpertise> Expertise { get; } = new(
        ("none", KubernetesExpertise.None),
        ("some", KubernetesExpertise.Some),
        ("strong", KubernetesExpertise.Strong));

    public static EnumNames<MultiTenancy> MultiTenancy { get; } = new(
        ("none", Spec.MultiTenancy.None),
        ("service", Spec.MultiTenancy.Service),
        ("namespace", Spec.MultiTenancy.Namespace));

    public static EnumNames<ServiceType> ServiceType { get; } = new(
        ("web", Spec.ServiceType.Web),
        ("backend", Spec.ServiceType.Backend),
        ("worker", Spec.ServiceType.Worker));

    /// <summary>Service architecture: Docker's x86_64, with Kubernetes' amd64 as an alias.</summary>
    public static EnumNames<CpuArch> ServiceArch { get; } = new(
        ("x86_64", CpuArch.X64),
        ("amd64", CpuArch.X64),
        ("arm64", CpuArch.Arm64));

    /// <summary>Karpenter's <c>kubernetes.io/arch</c> values, with x86_64 as an alias.</summary>
    public static EnumNames<CpuArch> NodeArch { get; } = new(
        ("amd64", CpuArch.X64),
        ("x86_64", CpuArch.X64),
        ("arm64", CpuArch.Arm64));

    public static EnumNames<CapacityType> CapacityType { get; } = new(
        ("on-demand", Spec.CapacityType.OnDemand),
        ("spot", Spec.CapacityType.Spot));

    public static EnumNames<SupportTier> SupportTier { get; } = new(
        ("standard", Spec.SupportTier.Standard),
        ("extended", Spec.SupportTier.Extended));

    public static EnumNames<ConsolidationPolicy> Consolidation { get; } = new(
        ("WhenEmptyOrUnderutilized", ConsolidationPolicy.WhenEmptyOrUnderutilized),
        ("WhenEmpty", ConsolidationPolicy.WhenEmpty));

    public static EnumNames<EventSourceType> EventSource { get; } = new(
        ("sqs", EventSourceType.Sqs),
        ("kafka", EventSourceType.Kafka));

    /// <summary>The cost options' ids (Planning's OptionIds; a test keeps them equal), and <c>eks</c> for EKS whose nodes are not known.</summary>
    public static EnumNames<CurrentPlatform> CurrentPlatform { get; } = new(
        ("ecs-fargate", Spec.CurrentPlatform.EcsFargate),
        ("eks", Spec.CurrentPlatform.Eks),
        ("eks-karpenter", Spec.CurrentPlatform.EksKarpenter),
        ("eks-nodegroups", Spec.CurrentPlatform.EksNodeGroups),
        ("eks-fargate", Spec.CurrentPlatform.EksFargate));
}
