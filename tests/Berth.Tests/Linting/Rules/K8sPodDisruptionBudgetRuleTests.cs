using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sPodDisruptionBudgetRuleTests : RuleTests<K8sPodDisruptionBudgetRule>
{
}
