using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EksCreatorAdminRuleTests : RuleTests<EksCreatorAdminRule>
{
}
