using Berth.Formatting;
using Berth.Spec;

namespace Berth.Planning;

/// <summary>How requests read in messages.</summary>
public static class Requests
{
    public static string Describe(Millicores cpu, ByteSize memory) =>
        $"{Fmt.Number(cpu.Value / 1000m)} vCPU / {Fmt.Number(Math.Round((decimal)memory.GiB, 2))} GiB";
}
