using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EcsEc2LaunchTypeRuleTests : RuleTests<EcsEc2LaunchTypeRule>
{
}
