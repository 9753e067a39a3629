using Berth.Cli;

// The composition root: the real streams, the system clock, and whether a person is watching stderr.
return BerthApp.Run(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected, clock: TimeProvider.System, errorIsTerminal: !Console.IsErrorRedirected);
