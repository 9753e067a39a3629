using System.Collections.Concurrent;
using System.Xml.Linq;
using Berth.Costing;
using Berth.Reporting;
using Berth.Spec;
using Berth.Tests.Cli;

namespace Berth.Tests.Reporting;

/// <summary>
/// The report of each example, built once per test run and shared by every test class (the platform example's
/// crossover and simulation are the slow part), plus helpers to read it as XML.
/// </summary>
internal static class Reports
{
    public static readonly string[] Examples = ["startup", "platform", "multi-client"];

    private static readonly ConcurrentDictionary<string, Lazy<(ReportModel Model, string Html)>> Cache = new(StringComparer.Ordinal);

    public static ReportModel Model(string example) => Get(example).Model;

    public static string Html(string example) => Get(example).Html;

    public static BerthSpec Spec(string example)
    {
        var result = SpecLoader.LoadFile(Path.Combine(RepoPaths.Examples, example + ".yaml"));
        result.Succeeded.ShouldBeTrue();
        return result.Spec! with { SourcePath = "examples/" + example + ".yaml" };
    }

    /// <summary>The HTML as an XML document: the report is written XHTML-compatible, so this is its well-formedness check.</summary>
    public static XDocument Parse(string html)
    {
        // The HTML5 doctype has no DTD to read; everything after it must be well-formed XML.
        const string doctype = "<!DOCTYPE html>\n";
        html.ShouldStartWith(doctype);
        return XDocument.Parse(html[doctype.Length..], LoadOptions.None);
    }

    private static (ReportModel Model, string Html) Get(string example) =>
        Cache.GetOrAdd(example, e => new Lazy<(ReportModel, string)>(() =>
        {
            var spec = Spec(e);
            var model = ReportBuilder.Build(spec, CostEngine.CatalogFor(spec), new ReportOptions(7, 42));
            return (model, ReportHtml.Render(model));
        })).Value;
}
