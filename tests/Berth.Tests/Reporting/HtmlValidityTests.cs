using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Berth.Costing;
using Berth.Reporting;

namespace Berth.Tests.Reporting;

/// <summary>
/// The report is valid and self-contained: well-formed (it parses as XML), one h1, unique ids, every image with alt
/// text and every inline SVG with a title and an accessible name, and nothing to fetch — no external URL, script,
/// stylesheet link, @import or url() other than a fragment.
/// </summary>
public sealed partial class HtmlValidityTests
{
    public static TheoryData<string> Examples() => new(Reports.Examples);

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_report_is_well_formed_with_one_h1_and_unique_ids(string example)
    {
        var doc = Reports.Parse(Reports.Html(example));

        doc.Root!.Name.LocalName.ShouldBe("html");
        ((string?)doc.Root.Attribute("lang")).ShouldBe("en");
        doc.Descendants("h1").Count().ShouldBe(1);
        doc.Descendants("title").First().Value.ShouldNotBeNullOrWhiteSpace();
        var ids = doc.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToArray();
        ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("duplicate ids");
        foreach (var a in doc.Descendants("a"))
        {
            var href = (string)a.Attribute("href")!;
            href.ShouldStartWith("#");
            ids.ShouldContain(href[1..], $"link {href} has no target");
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_image_and_chart_has_a_text_alternative(string example)
    {
        var doc = Reports.Parse(Reports.Html(example));
        var ids = doc.Descendants().Where(e => e.Attribute("id") is not null).ToDictionary(e => (string)e.Attribute("id")!, StringComparer.Ordinal);

        foreach (var img in doc.Descendants("img"))
        {
            ((string?)img.Attribute("alt")).ShouldNotBeNullOrWhiteSpace("an <img> without alt text");
        }

        var svgs = doc.Descendants("svg").ToArray();
        svgs.ShouldNotBeEmpty();
        foreach (var svg in svgs)
        {
            ((string?)svg.Attribute("role")).ShouldBe("img");
            svg.Element("title")?.Value.ShouldNotBeNullOrWhiteSpace();
            var labelledBy = ((string?)svg.Attribute("aria-labelledby"))?.Split(' ') ?? [];
            (labelledBy.Length > 0 || svg.Attribute("aria-label") is not null).ShouldBeTrue("an inline SVG without an accessible name");
            foreach (var id in labelledBy)
            {
                ids.ShouldContainKey(id);
                ids[id].Value.ShouldNotBeNullOrWhiteSpace();
            }
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Nothing_in_the_report_is_fetched_from_elsewhere(string example)
    {
        var html = Reports.Html(example);
        var doc = Reports.Parse(html);

        doc.Descendants("script").ShouldBeEmpty();
        doc.Descendants("link").ShouldBeEmpty();
        doc.Descendants("iframe").ShouldBeEmpty();
        foreach (var attribute in doc.Descendants().Attributes().Where(a => a.Name.LocalName is "src" or "href" or "srcset" or "action" or "data" or "poster"))
        {
            attribute.Value.ShouldStartWith("#", Case.Sensitive, $"{attribute.Parent!.Name.LocalName} {attribute.Name} points outside the page");
        }

        var css = string.Concat(doc.Descendants("style").Select(s => s.Value)) +
                  string.Concat(doc.Descendants().Attributes("style").Select(a => a.Value));
        css.ShouldNotContain("@import");
        css.ShouldNotContain("@font-face");
        foreach (Match url in Url().Matches(html))
        {
            url.Groups[1].Value.ShouldStartWith("#", Case.Sensitive, "url() must only point inside the page");
        }

        // No absolute URL anywhere in markup: not even an SVG namespace declaration.
        Scheme().IsMatch(html).ShouldBeFalse(Scheme().Match(html).Value);
    }

    [Fact]
    public void The_same_spec_and_seed_give_the_same_bytes_in_any_culture()
    {
        var spec = Reports.Spec("startup");
        var first = ReportHtml.Render(ReportBuilder.Build(spec, CostEngine.CatalogFor(spec), new ReportOptions(2, 7)));
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            var second = ReportHtml.Render(ReportBuilder.Build(spec, CostEngine.CatalogFor(spec), new ReportOptions(2, 7)));
            second.ShouldBe(first);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previous;
        }

        first.ShouldNotContain(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_different_seed_changes_only_the_simulation()
    {
        var spec = Reports.Spec("startup");
        var a = Reports.Parse(ReportHtml.Render(ReportBuilder.Build(spec, CostEngine.CatalogFor(spec), new ReportOptions(2, 1))));
        var b = Reports.Parse(ReportHtml.Render(ReportBuilder.Build(spec, CostEngine.CatalogFor(spec), new ReportOptions(2, 2))));
        string Section(XDocument d, string id) => d.Descendants("section").Single(s => (string?)s.Attribute("id") == id).ToString();

        Section(a, "cost").ShouldBe(Section(b, "cost"));
        Section(a, "simulation").ShouldNotBe(Section(b, "simulation"));
    }

    [GeneratedRegex(@"url\(\s*['""]?([^'"")]*)")]
    private static partial Regex Url();

    [GeneratedRegex(@"(?i)\b(https?|ftp|file|data):(//)?[^\s""'<>)]*")]
    private static partial Regex Scheme();
}
