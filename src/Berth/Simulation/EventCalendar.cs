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
public readonly record struct EventKey(long Time, int Priority, long Sequence) : IComparable<EventKey>
{
    public int CompareTo(EventKey other)
    {
        var c = Time.CompareTo(other.Time);
        if (c != 0)
        {
            return c;
        }

        c = Priority.CompareTo(other.Priority);
        return c != 0 ? c : Sequence.CompareTo(other.Sequence);
    }

    public static bool operator <(EventKey a, EventKey b) => a.CompareTo(b) < 0;

    public static bool operator >(EventKey a, EventKey b) => a.CompareTo(b) > 0;

    public static bool operator <=(EventKey a, EventKey b) => a.CompareTo(b) <= 0;

    public static bool operator >=(EventKey a, EventKey b) => a.CompareTo(b) >= 0;
}

/// <summary>
/// The future event list (a calendar, in DES terms), in SimSharp's spirit: (time, priority, insertion sequence).
/// The periodic events — the minute tick, the HPA sync, the consolidation poll — and Karpenter's provisioning batch
/// are never waiting twice at once, so no other event shares their kind and priority: their insertion sequence never
/// decides an order. They wait in one slot per kind beside the heap (most of the events a run handles, each without a
/// heap operation); the order is the same as if they were in it.
/// </summary>
public sealed class EventCalendar
{
    private static readonly int Kinds = Enum.GetValues<EventKind>().Length;

    private readonly PriorityQueue<SimEvent, EventKey> _queue = new();
    private readonly long[] _soloTime = Enumerable.Repeat(long.MaxValue, Kinds).ToArray();
    private readonly SimEvent[] _solo = new SimEvent[Kinds];
    private int _soloCount;
    private long _sequence;

    public int Count => _queue.Count + _soloCount;

    /// <summary>The kinds that are never waiting twice at once (scheduling a second one is an error).</summary>
    public static bool IsSolo(EventKind kind) =>
        kind is EventKind.MinuteTick or EventKind.HpaSync or EventKind.ConsolidationCheck or EventKind.Provision;

    public void Schedule(long time, SimEvent e)
    {
        if (IsSolo(e.Kind))
        {
            var k = (int)e.Kind;
            if (_soloTime[k] != long.MaxValue)
            {
                throw new InvalidOperationException($"a {e.Kind} event is already waiting");
            }

            _soloTime[k] = time;
            _solo[k] = e;
            _soloCount++;
            return;
        }

        _queue.Enqueue(e, new EventKey(time, (int)e.Kind, _sequence++));
    }

    public bool TryNext(long horizon, out long time, out SimEvent e)
    {
        // The earliest solo event, by time then priority (its kind).
        var best = -1;
        var bestTime = long.MaxValue;
        if (_soloCount > 0)
        {
            for (var k = 0; k < _soloTime.Length; k++)
            {
                if (_soloTime[k] < bestTime)
                {
                    bestTime = _soloTime[k];
                    best = k;
                }
            }
        }

        // A heap event first if it is earlier, or at the same time with a higher priority (never the same kind).
        if (_queue.TryPeek(out e, out var key) && key.Time < horizon && (key.Time < bestTime || (key.Time == bestTime && key.Priority < best)))
        {
            _queue.Dequeue();
            time = key.Time;
            return true;
        }

        if (best >= 0 && bestTime < horizon)
        {
            e = _solo[best];
            _soloTime[best] = long.MaxValue;
            _soloCount--;
            time = bestTime;
            return true;
        }

        time = horizon;
        e = default;
        return false;
    }
}
