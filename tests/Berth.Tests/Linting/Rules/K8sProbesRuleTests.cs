using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sProbesRuleTests : RuleTests<K8sProbesRule>
{
}
