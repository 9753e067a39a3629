using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class K8sRunAsNonRootRuleTests : RuleTests<K8sRunAsNonRootRule>
{
}
