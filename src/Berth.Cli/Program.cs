using System.Text;
using Berth.Cli;
using Berth.Cli.Infrastructure;

// The composition root: the real streams, the system clock, and whether a person is watching stderr.
// Output going to a file or a pipe is written in 64 KiB blocks, as C's stdio does when stdout is not a terminal:
// the console's own writer sends every 256 characters (a 20 MB SARIF log was 77,000 write calls). A terminal keeps
// the console's writer, so a person sees each line as it is written.
var redirected = Console.IsOutputRedirected;
var stdout = redirected ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) : Console.Out;
var code = BerthApp.Run(args, stdout, Console.Error, interactive: !redirected, clock: TimeProvider.System, errorIsTerminal: !Console.IsErrorRedirected);
try
{
    // BerthApp.Run flushed what a command that succeeded wrote (and reported a failure to write it); this sends what a
    // failed command wrote before it failed, as unbuffered output would have.
    stdout.Flush();
}
catch (Exception e) when (GuardedWriter.IsClosed(e))
{
    // The exit code already says the command failed; there is nobody to tell that its partial output was lost.
}

return code;
