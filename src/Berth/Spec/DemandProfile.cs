namespace Berth.Spec;

/// <summary>
/// Relative demand (0..1 of peak) for each of the 168 hours of a week, Monday 00:00 first.
/// A 24-value list repeats every day. The named shapes are documented in docs/berth-yaml.md.
/// </summary>
public sealed record DemandProfile
{
    public const int HoursPerDay = 24;
    public const int HoursPerWeek = 168;

    public static IReadOnlyList<string> Shapes { get; } = ["flat", "business-hours", "nightly-batch", "spiky"];

    private readonly double[] _hours;

    private DemandProfile(string shape, double[] hours)
    {
        Shape = shape;
        _hours = hours;
    }

    /// <summary>The named shape, or <c>custom</c> for a list.</summary>
    public string Shape { get; }

    public IReadOnlyList<double> HourOfWeek => _hours;

    public double Peak => _hours.Max();

    public double Average => _hours.Average();

    public static DemandProfile Flat { get; } = Named("flat");

    public double At(int hourOfWeek) => _hours[((hourOfWeek % HoursPerWeek) + HoursPerWeek) % HoursPerWeek];

    public static DemandProfile Named(string shape)
    {
        var hours = new double[HoursPerWeek];
        for (var h = 0; h < HoursPerWeek; h++)
        {
            var day = h / HoursPerDay;
            var hour = h % HoursPerDay;
            var weekday = day < 5;
            hours[h] = shape switch
            {
                "flat" => 1.0,
                // Office traffic: full 08:00-18:00 on weekdays, a shoulder either side, 20% otherwise.
                "business-hours" => weekday && hour is >= 8 and < 18 ? 1.0
                    : weekday && hour is 7 or 18 or 19 ? 0.5
                    : 0.2,
                // A nightly job window 01:00-05:00, a trickle the rest of the day.
                "nightly-batch" => hour is >= 1 and < 5 ? 1.0 : 0.1,
                // A 30% base with short peaks late morning, mid-afternoon and evening; the simulator adds bursts.
                "spiky" => hour is 11 or 15 or 20 ? 1.0 : hour is 10 or 14 or 21 ? 0.6 : 0.3,
                _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "unknown demand shape"),
            };
        }

        return new DemandProfile(shape, hours);
    }

    /// <summary>A list of 24 (one day, repeated) or 168 (one week) values in 0..1.</summary>
    public static DemandProfile Custom(IReadOnlyList<double> values)
    {
        if (values.Count is not (HoursPerDay or HoursPerWeek))
        {
            throw new ArgumentException("a demand list has 24 or 168 values", nameof(values));
        }

        var hours = new double[HoursPerWeek];
        for (var h = 0; h < HoursPerWeek; h++)
        {
            hours[h] = values[h % values.Count];
        }

        return new DemandProfile("custom", hours);
    }

    public bool Equals(DemandProfile? other) =>
        other is not null && Shape == other.Shape && _hours.AsSpan().SequenceEqual(other._hours);

    public override int GetHashCode() => HashCode.Combine(Shape, _hours.Length, _hours[0]);
}
