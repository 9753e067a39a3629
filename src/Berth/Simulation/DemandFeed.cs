namespace Berth.Simulation;

/// <summary>
/// One run's demand, generated once and read by every option of the run: a block of minutes at a time, so memory stays
/// a day's worth whatever the horizon. The runner advances every option through a block before the next is generated.
/// </summary>
public sealed class DemandFeed
{
    /// <summary>Minutes per block: one day.</summary>
    public const int BlockMinutes = 1440;

    private readonly DemandSource _source;
    private readonly int _services;
    private readonly double[] _block;
    private readonly double[] _row;
    private int _first = -BlockMinutes;
    private int _filled;

    public DemandFeed(DemandSource source, int services)
    {
        _source = source;
        _services = services;
        _block = new double[BlockMinutes * services];
        _row = new double[services];
    }

    /// <summary>Each service's vCPU demand in <paramref name="minute"/>; minutes are read in order, at most one block back.</summary>
    public ReadOnlySpan<double> Minute(int minute)
    {
        while (minute >= _first + BlockMinutes)
        {
            Fill();
        }

        if (minute < _first)
        {
            throw new InvalidOperationException($"minute {minute} is before the current demand block ({_first})");
        }

        return _block.AsSpan((minute - _first) * _services, _services);
    }

    private void Fill()
    {
        _first += BlockMinutes;
        for (var m = 0; m < BlockMinutes; m++)
        {
            _source.Next(_filled++, _row);
            _row.CopyTo(_block.AsSpan(m * _services, _services));
        }
    }
}
