using System.Globalization;

namespace Berth.Formatting;

/// <summary>Invariant number formatting for descriptions.</summary>
public static class Fmt
{
    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Usd(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Percent(decimal fraction) => (fraction * 100m).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
