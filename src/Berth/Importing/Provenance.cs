using Berth.Linting;
using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Importing;

/// <summary>Where a Terraform value is written, for the <c># from file:line</c> comments.</summary>
internal static class Provenance
{
    /// <summary>
    /// The attribute's value followed through <c>local.x</c> and <c>var.x</c> to where it is written; an
    /// <c>each.value.cpu</c> points into the map the for_each iterates (a locals block, a tfvars file).
    /// </summary>
    public static SourceRange? Where(BlockView view, string name)
    {
        if (view.Attr(name) is not { } attr)
        {
            return null;
        }

        var (expr, scope) = ModuleInstance.Resolve(attr.Value, view.Scope);
        if (expr is HclGetAttr g && HclEvaluator.Evaluate(g.Source, scope) is HclDictionary d && d.KeyRange(g.Name) is { } r)
        {
            return r;
        }

        return expr.Range;
    }

    /// <summary>The attribute as an integer; null when it is not set, not a number or not known.</summary>
    public static int? Int(BlockView view, string name) =>
        HclValue.AsNumber(view.Get(name)) is { } d && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue ? (int)d : null;

    public static Sourced<int>? SourcedInt(BlockView view, string name) =>
        Int(view, name) is { } i ? new Sourced<int>(i, Where(view, name)) : null;

    public static bool IsUnknown(BlockView view, string name) => HclValue.ContainsUnknown(view.Get(name));

    /// <summary>A file as comments and messages show it: relative to where the user ran Berth, with '/'.</summary>
    public static string Shown(string file, string baseDirectory) =>
        (Path.IsPathRooted(file) ? Path.GetRelativePath(baseDirectory, file) : file).Replace('\\', '/');
}
