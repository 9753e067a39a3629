using Berth.Cli;

return BerthApp.Run(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected);
