using Berth.Cli.Infrastructure;
using Berth.Spec;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands;

public sealed class SchemaCommand(CliContext cli) : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        cli.Out.Write(SpecSchema.ToJsonText());
        return ExitCodes.Ok;
    }
}
