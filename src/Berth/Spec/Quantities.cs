using System.Globalization;

namespace Berth.Spec;

/// <summary>CPU in thousandths of a vCPU, as Kubernetes counts it.</summary>
public readonly record struct Millicores(long Value)
{
    public double Vcpu => Value / 1000.0;


    public static Millicores operator +(Millicores a, Millicores b) => new(a.Value + b.Value);

    public static Millicores operator *(Millicores a, int n) => new(a.Value * n);

    public override string ToString() =>
        Value % 1000 == 0
            ? (Value / 1000).ToString(CultureInfo.InvariantCulture)
            : Value.ToString(CultureInfo.InvariantCulture) + "m";
}

/// <summary>An amount of memory or storage in bytes.</summary>
public readonly record struct ByteSize(long Bytes)
{
    public const long MiBBytes = 1024L * 1024;
    public const long GiBBytes = 1024L * MiBBytes;

    public double MiB => Bytes / (double)MiBBytes;

    public double GiB => Bytes / (double)GiBBytes;

    public static ByteSize FromMiB(long mib) => new(mib * MiBBytes);

    public static ByteSize FromGiB(long gib) => new(gib * GiBBytes);


    public override string ToString()
    {
        if (Bytes % GiBBytes == 0)
        {
            return (Bytes / GiBBytes).ToString(CultureInfo.InvariantCulture) + "Gi";
        }

        return Bytes % MiBBytes == 0
            ? (Bytes / MiBBytes).ToString(CultureInfo.InvariantCulture) + "Mi"
            : Bytes.ToString(CultureInfo.InvariantCulture);
    }
}
