using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sPrivilegeEscalationRuleTests : RuleTests<K8sPrivilegeEscalationRule>
{
}
