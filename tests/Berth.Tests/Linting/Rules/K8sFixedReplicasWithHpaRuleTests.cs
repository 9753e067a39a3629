using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sFixedReplicasWithHpaRuleTests : RuleTests<K8sFixedReplicasWithHpaRule>
{
}
