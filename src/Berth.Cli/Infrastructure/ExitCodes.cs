namespace Berth.Cli.Infrastructure;

/// <summary>The exit codes of DESIGN.md: scripts and CI depend on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int BadInput = 2;
    public const int Internal = 3;
}
