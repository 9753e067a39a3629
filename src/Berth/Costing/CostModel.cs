using Berth.Catalog;

namespace Berth.Costing;

public enum LineItemKind
{
    Infrastructure,
    EngineeringTime,
}

/// <summary>
/// One line of a bill: quantity × unit price = monthly (rounded to the cent). <see cref="Group"/> gathers lines
/// for charts (compute, spot, control plane, storage, discount, engineering time).
/// </summary>
public sealed record LineItem(
    string Description,
    decimal Quantity,
    string Unit,
    decimal UnitPriceUsd,
    decimal MonthlyUsd,
    LineItemKind Kind,
    string Group,
    bool Estimated,
    string? Note)
{
    /// <summary>The price the line was priced at, with its basis, source and date; null for figures that are not prices (discounts, engineering time).</summary>
    public PriceQuote? Price { get; init; }

    public static LineItem Create(string description, decimal quantity, string unit, decimal unitPriceUsd, string group,
        LineItemKind kind = LineItemKind.Infrastructure, bool estimated = false, string? note = null, PriceQuote? price = null) =>
        new(description, Math.Round(quantity, 4, MidpointRounding.AwayFromZero), unit, unitPriceUsd,
            Money.Cents(quantity * unitPriceUsd), kind, group, estimated || (price?.Estimated ?? false), note ?? price?.Note)
        {
            Price = price,
        };
}

/// <summary>One way to run the workload, priced for a month.</summary>
public sealed record CostOption(
    string Id,
    string Platform,
    string Title,
    IReadOnlyList<LineItem> LineItems,
    IReadOnlyList<string> Notes,
    IReadOnlyDictionary<string, decimal> Figures)
{
    /// <summary>Why the option cannot run the workload as priced (its plan's reasons); empty when it can.</summary>
    public IReadOnlyList<string> Infeasible { get; init; } = [];

    public bool Feasible => Infeasible.Count == 0;

    /// <summary>The monthly total: always the sum of the line items.</summary>
    public decimal MonthlyUsd => LineItems.Sum(l => l.MonthlyUsd);

    public decimal InfrastructureUsd => LineItems.Where(l => l.Kind == LineItemKind.Infrastructure).Sum(l => l.MonthlyUsd);

    public decimal EngineeringUsd => LineItems.Where(l => l.Kind == LineItemKind.EngineeringTime).Sum(l => l.MonthlyUsd);

    /// <summary>Whether any infrastructure price is an estimate (engineering time always is, and says so on its lines).</summary>
    public bool Estimated => LineItems.Any(l => l.Estimated && l.Kind == LineItemKind.Infrastructure);

    /// <summary>Every distinct estimation note of this option's prices.</summary>
    public IReadOnlyList<string> Estimates => LineItems.Where(l => l.Note is not null).Select(l => l.Note!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}

/// <summary>The priced options for one spec.</summary>
public sealed record CostReport(
    string Currency,
    decimal HoursPerMonth,
    string Region,
    string CatalogAsOf,
    string CatalogOrigin,
    IReadOnlyList<CostOption> Options)
{
    /// <summary>What the reader must know about the prices as a whole (e.g. that a region's are estimated from another's), said under every view of them.</summary>
    public IReadOnlyList<string> PriceNotes { get; init; } = [];

    /// <summary>
    /// The options in the order every view ranks them: those that can run the workload, cheapest first (by total, or
    /// by infrastructure alone), then those that cannot.
    /// </summary>
    public IReadOnlyList<CostOption> Ranked(bool infrastructureOnly = false) =>
        Options.OrderBy(o => o.Feasible ? 0 : 1)
            .ThenBy(o => infrastructureOnly ? o.InfrastructureUsd : o.MonthlyUsd)
            .ThenBy(o => o.Id, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The cheapest option that can run the workload, or null when none can.</summary>
    public CostOption? Cheapest(bool infrastructureOnly = false) => Ranked(infrastructureOnly).FirstOrDefault(o => o.Feasible);
}

public static class Money
{
    /// <summary>Monthly figures are kept to the cent, rounding half away from zero as a bill does.</summary>
    public static decimal Cents(decimal usd) => Math.Round(usd, 2, MidpointRounding.AwayFromZero);
}
