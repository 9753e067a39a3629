using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sImageTagRuleTests : RuleTests<K8sImageTagRule>
{
}
