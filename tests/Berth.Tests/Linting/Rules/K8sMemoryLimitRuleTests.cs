using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sMemoryLimitRuleTests : RuleTests<K8sMemoryLimitRule>
{
}
