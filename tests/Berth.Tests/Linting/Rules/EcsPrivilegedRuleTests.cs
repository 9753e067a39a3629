using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EcsPrivilegedRuleTests : RuleTests<EcsPrivilegedRule>
{
}
