using Berth.Linting.Rules;

namespace Berth.Tests.Linting.Rules;

public sealed class EksSecretsEncryptionRuleTests : RuleTests<EksSecretsEncryptionRule>
{
}
