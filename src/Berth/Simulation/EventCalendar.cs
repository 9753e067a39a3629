namespace Berth.Simulation;

/// <summary>What happens at an event; the order of the members is the priority of simultaneous events.</summary>
public enum EventKind
{
    MinuteTick,
    SpotTerminate,
    SpotWarning,
    NodeReady,
    UnitReady,
    LaunchRetry,
    HpaSync,
    Provision,
    ConsolidationCheck,
}

/// <summary>An event: its kind, the unit, node or service it is about, and a stamp to recognise stale events.</summary>
public readonly record struct SimEvent(EventKind Kind, int Target, int Stamp = 0);

/// <summary>Events ordered by time (seconds), then priority, then insertion: simultaneous events replay exactly.</summary>
public readonly record struct EventKey(long Time, int Priority, long Sequence);

internal sealed class EventKeyComparer : IComparer<EventKey>
{
    public static EventKeyComparer Instance { get; } = new();

    public int Compare(EventKey x, EventKey y)
    {
        var c = x.Time.CompareTo(y.Time);
        if (c != 0)
        {
            return c;
        }

        c = x.Priority.CompareTo(y.Priority);
        return c != 0 ? c : x.Sequence.CompareTo(y.Sequence);
    }
}

/// <summary>The future event list (a calendar, in DES terms), in SimSharp's spirit: (time, priority, insertion sequence).</summary>
public sealed class EventCalendar
{
    private readonly PriorityQueue<SimEvent, EventKey> _queue = new(EventKeyComparer.Instance);
    private long _sequence;

    public int Count => _queue.Count;

    public void Schedule(long time, SimEvent e) => _queue.Enqueue(e, new EventKey(time, (int)e.Kind, _sequence++));

    public bool TryNext(long horizon, out long time, out SimEvent e)
    {
        if (_queue.TryPeek(out e, out var key) && key.Time < horizon)
        {
            _queue.Dequeue();
            time = key.Time;
            return true;
        }

        time = horizon;
        return false;
    }
}
