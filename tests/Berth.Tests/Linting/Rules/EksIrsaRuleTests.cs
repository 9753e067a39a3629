using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EksIrsaRuleTests : RuleTests<EksIrsaRule>
{
}
