using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EksAuthenticationModeRuleTests : RuleTests<EksAuthenticationModeRule>
{
}
