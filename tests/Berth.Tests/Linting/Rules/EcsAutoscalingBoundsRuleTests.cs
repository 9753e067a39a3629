using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EcsAutoscalingBoundsRuleTests : RuleTests<EcsAutoscalingBoundsRule>
{
}
