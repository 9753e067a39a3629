using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Berth.Cli.Commands.Generate;

/// <summary>The arguments both <c>generate ecs</c> and <c>generate eks</c> take.</summary>
public sealed class GenerateSettings : CommandSettings
{
    [CommandArgument(0, "<spec>")]
    [Description("Path of the berth.yaml to generate from.")]
    public string Spec { get; init; } = "";

    [CommandOption("-o|--output <DIR>")]
    [Description("Folder to write into (created when missing).")]
    public string? Output { get; init; }

    [CommandOption("--force")]
    [Description("Also replace generated files you have edited.")]
    public bool Force { get; init; }

    [CommandOption("--dry-run")]
    [Description("List what would be created, updated, left unchanged or refused, and write nothing.")]
    public bool DryRun { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Output) ? ValidationResult.Error("--output <DIR> is required") : ValidationResult.Success();
}
