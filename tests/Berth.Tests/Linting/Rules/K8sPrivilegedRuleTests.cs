using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sPrivilegedRuleTests : RuleTests<K8sPrivilegedRule>
{
}
