using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class ArgoDefaultProjectRuleTests : RuleTests<ArgoDefaultProjectRule>
{
}
