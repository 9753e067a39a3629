using Berth.Cli.Commands;
using Berth.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Berth.Cli;

/// <summary>Builds the command tree and maps every outcome to DESIGN.md's exit codes.</summary>
public static class BerthApp
{
    public const string VerboseFlag = "--verbose";

    /// <summary>The version <c>berth --version</c> prints: the package version (Directory.Build.props), without build metadata.</summary>
    public static string Version { get; } =
        (typeof(BerthApp).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    /// <summary>Runs one command line; returns its exit code.</summary>
    /// <param name="args">The arguments after "berth".</param>
    /// <param name="stdout">Where output goes.</param>
    /// <param name="stderr">Where diagnostics go.</param>
    /// <param name="interactive">stdout is a terminal: colours and its width.</param>
    /// <param name="workingDirectory">Where relative paths start; the process's when not given.</param>
    /// <param name="width">The width tables are laid out for.</param>
    /// <param name="clock">Where "today" comes from (lint suppression expiries); the system clock when not given.</param>
    /// <param name="errorIsTerminal">stderr is a terminal a person watches, so long runs may show progress there.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool interactive = false, string? workingDirectory = null, int? width = null, TimeProvider? clock = null, bool errorIsTerminal = false)
    {
        var verbose = args.Contains(VerboseFlag, StringComparer.Ordinal);
        args = args.Where(a => a != VerboseFlag).ToArray();

        // A failed write to stdout (closed, /dev/full, a reader gone) is the circumstances, not a bug: exit 2.
        stdout = new GuardedWriter(stdout, "standard output");

        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (width is { } w)
        {
            ansi.Profile.Width = w;
        }
        else if (!interactive)
        {
            // Redirected output has no terminal to measure: use COLUMNS when the caller sets it, else 120.
            ansi.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns is >= 40 and <= 500 ? columns : 120;
        }

        var context = new CliContext(stdout, ansi, stderr, workingDirectory ?? Directory.GetCurrentDirectory(), clock ?? TimeProvider.System, errorIsTerminal);
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(CliContext), context);

        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName("berth");
            config.SetApplicationVersion(Version);
            config.ConfigureConsole(ansi);
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.AddCommand<InitCommand>("init")
                .WithDescription("Write a commented starter berth.yaml.")
                .WithExample("init", "--template", "platform", "-o", "berth.yaml");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check a berth.yaml and report every error with its file:line:column.")
                .WithExample("validate", "examples/platform.yaml");
            config.AddCommand<AssessCommand>("assess")
                .WithDescription("Recommend ECS Fargate or EKS for the workload, with reasons and what would change the answer.")
                .WithExample("assess", "examples/platform.yaml", "--format", "json");
            config.AddCommand<CostCommand>("cost")
                .WithDescription("Price every option line by line from the offline catalog, with engineering time.")
                .WithExample("cost", "examples/platform.yaml", "--format", "markdown");
            config.AddCommand<CrossoverCommand>("crossover")
                .WithDescription("Sweep the number of services and show where the cheapest platform changes.")
                .WithExample("crossover", "examples/startup.yaml", "--services", "1..60");
            config.AddCommand<PackCommand>("pack")
                .WithDescription("Pack the pods onto EC2 nodes as Karpenter would (or cheaper), against the lower bound.")
                .WithExample("pack", "examples/platform.yaml", "--mode", "berth");
            config.AddCommand<SimulateCommand>("simulate")
                .WithDescription("Replay days of demand minute by minute on each platform: cost, unserved demand, Spot interruptions.")
                .WithExample("simulate", "examples/platform.yaml", "--days", "7", "--runs", "20");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Write one self-contained HTML report: recommendation, cost, crossover, node plan, simulation and lint, with charts.")
                .WithExample("report", "examples/platform.yaml", "-o", "report.html")
                .WithExample("report", "examples/platform.yaml", "-o", "report.html", "--lint", "platform/", "--days", "7", "--seed", "42");
            config.AddCommand<ImportCommand>("import")
                .WithDescription("Read the Terraform and Kubernetes YAML of the platform a team runs now into a commented berth.yaml.")
                .WithExample("import", "infra/", "-o", "berth.yaml");
            config.AddCommand<LintCommand>("lint")
                .WithDescription("Lint Terraform and Kubernetes YAML of ECS and EKS platforms for the known mistakes (text, json, sarif, junit).")
                .WithExample("lint", "infra/", "--format", "sarif")
                .WithExample("lint", "infra/", "k8s/", "--min-severity", "medium", "--var-file", "prod.tfvars");
            config.AddBranch("catalog", catalog =>
            {
                catalog.SetDescription("Show, rebuild, update and compare the price and instance catalog.");
                catalog.AddCommand<Commands.Catalog.CatalogShowCommand>("show")
                    .WithDescription("Instance types with on-demand and Spot prices for a region, and its Fargate prices.")
                    .WithExample("catalog", "show", "--region", "eu-west-1", "--family", "m7g");
                catalog.AddCommand<Commands.Catalog.CatalogUpdateCommand>("update")
                    .WithDescription("Merge AWS bulk price-list files (AmazonEC2, AmazonECS) into a catalog file.")
                    .WithExample("catalog", "update", "--from", "offers/");
                catalog.AddCommand<Commands.Catalog.CatalogDiffCommand>("diff")
                    .WithDescription("Show what the last update changed, price by price.");
                catalog.AddCommand<Commands.Catalog.CatalogBuildCommand>("build")
                    .WithDescription("Rebuild Berth's catalog from the shared/data/aws fact files.");
            });
            config.AddBranch("generate", generate =>
            {
                generate.SetDescription("Generate production Terraform (and manifests) for the chosen platform.");
                generate.AddCommand<Commands.Generate.GenerateEcsCommand>("ecs")
                    .WithDescription("Terraform for an ECS Fargate platform: a module per platform, instantiated per client.")
                    .WithExample("generate", "ecs", "examples/startup.yaml", "-o", "infra/");
                generate.AddCommand<Commands.Generate.GenerateEksCommand>("eks")
                    .WithDescription("Terraform, Helm bootstrap, Kubernetes, Karpenter and ArgoCD manifests for an EKS platform.")
                    .WithExample("generate", "eks", "examples/platform.yaml", "-o", "platform/");
            });
            config.AddCommand<SchemaCommand>("schema")
                .WithDescription("Print the JSON Schema (2020-12) of berth.yaml, for editors.");
        });

        try
        {
            UsageErrors.CheckArguments(args);
            var code = app.Run(args);
            stdout.Flush();
            return code;
        }
        catch (UserErrorException e)
        {
            foreach (var line in e.Lines)
            {
                Report(stderr, line.Contains(": error: ", StringComparison.Ordinal) ? line : "berth: error: " + line);
            }

            return ExitCodes.BadInput;
        }
        catch (StreamClosedException e)
        {
            Report(stderr, "berth: error: " + e.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file or folder the operating system refused, that no command turned into its own message: still the
            // circumstances (permissions, a vanished folder, a full disk), not a bug. .NET's message names the path.
            Report(stderr, "berth: error: " + e.Message.TrimEnd('.') + "; " + IoFailure.Advice(e));
            if (verbose)
            {
                Report(stderr, e.ToString());
            }

            return ExitCodes.BadInput;
        }
        catch (CommandAppException e)
        {
            // Unknown command or option, missing argument: a usage error.
            Report(stderr, "berth: error: " + (UsageErrors.Conversion(e.Message, args) ?? e.Message.TrimEnd('.')) + " (see 'berth --help')");
            if (verbose)
            {
                Report(stderr, e.ToString());
            }

            return ExitCodes.BadInput;
        }
#pragma warning disable CA1031 // The last line of defence: any other failure is a bug, reported without a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Report(stderr, $"berth: internal error: {e.Message} (this is a bug in Berth; run with --verbose for the stack trace)");
            if (verbose)
            {
                Report(stderr, e.ToString());
            }

            return ExitCodes.Internal;
        }
    }

    /// <summary>Writes a diagnostic; when stderr itself cannot be written there is nobody left to tell, and the exit code still says it.</summary>
    private static void Report(TextWriter stderr, string line)
    {
        try
        {
            stderr.WriteLine(line);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // Nothing more can be said.
        }
    }
}
