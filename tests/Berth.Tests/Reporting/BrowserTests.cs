using System.Text.Json.Nodes;
using Berth.Tests.Cli;
using Berth.Tests.Support;
using Xunit.Abstractions;

namespace Berth.Tests.Reporting;

/// <summary>
/// The platform report opened from disk in a real headless Chromium: no console errors, no failed or outside
/// requests, every chart rendered as a non-empty SVG, the colour scheme switching the charts' ink, print styles
/// applied, and full-page screenshots (light and dark) and a PDF saved under artifacts/report/ for a person to look at.
/// </summary>
public sealed class BrowserTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private const string ChartsScript = """
        JSON.stringify([...document.querySelectorAll('figure svg')].map(s => {
          const box = s.getBBox();
          const rect = s.getBoundingClientRect();
          return { id: s.closest('figure').id, width: box.width, height: box.height, shownWidth: rect.width, shownHeight: rect.height,
                   children: s.childElementCount, texts: s.querySelectorAll('text').length, paths: s.querySelectorAll('path').length,
                   ink: getComputedStyle(s).color };
        }))
        """;

    [SkippableFact]
    public async Task The_report_renders_in_chromium_without_errors_and_every_chart_draws()
    {
        var executable = Chromium.Require();
        var folder = Path.Combine(RepoPaths.Root, "artifacts", "report");
        Directory.CreateDirectory(folder);
        var page = Path.Combine(folder, "platform.html");
        await File.WriteAllTextAsync(page, Reports.Html("platform"));
        var expectedCharts = Reports.Parse(Reports.Html("platform")).Descendants("figure").Count();

        using var deadline = new CancellationTokenSource(Deadline);
        await using var browser = await Chromium.LaunchAsync(executable, Deadline);
        var ct = deadline.Token;
        foreach (var domain in new[] { "Runtime", "Log", "Network", "Page" })
        {
            await browser.SendAsync(domain + ".enable", null, ct);
        }

        await browser.SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(page).AbsoluteUri }, ct);
        await browser.WaitForEventAsync("Page.loadEventFired", ct);

        var charts = JsonNode.Parse((string)(await browser.EvaluateAsync(ChartsScript, ct))!)!.AsArray();
        output.WriteLine("charts: " + charts.ToJsonString());
        charts.Count.ShouldBe(expectedCharts);
        foreach (var chart in charts)
        {
            var id = (string)chart!["id"]!;
            ((double)chart["width"]!).ShouldBeGreaterThan(100, id);
            ((double)chart["height"]!).ShouldBeGreaterThan(100, id);
            ((double)chart["shownWidth"]!).ShouldBeGreaterThan(100, id);
            ((int)chart["children"]!).ShouldBeGreaterThan(2, id);
            ((int)chart["texts"]!).ShouldBeGreaterThan(3, id);
            ((int)chart["paths"]!).ShouldBeGreaterThan(0, id);
        }

        var light = (string)charts[0]!["ink"]!;
        await Screenshot(browser, Path.Combine(folder, "platform-light.png"), ct);

        await browser.SendAsync("Emulation.setEmulatedMedia", new JsonObject
        {
            ["features"] = new JsonArray(new JsonObject { ["name"] = "prefers-color-scheme", ["value"] = "dark" }),
        }, ct);
        var dark = (string)JsonNode.Parse((string)(await browser.EvaluateAsync(ChartsScript, ct))!)!.AsArray()[0]!["ink"]!;
        dark.ShouldNotBe(light, "the charts' ink should follow the colour scheme");
        await Screenshot(browser, Path.Combine(folder, "platform-dark.png"), ct);

        // Print: navigation hidden, and Chromium's own PDF of the page (saved beside the screenshots).
        await browser.SendAsync("Emulation.setEmulatedMedia", new JsonObject { ["media"] = "print" }, ct);
        ((string?)await browser.EvaluateAsync("getComputedStyle(document.querySelector('nav')).display", ct)).ShouldBe("none");
        var pdf = Convert.FromBase64String((string)(await browser.SendAsync("Page.printToPDF", new JsonObject { ["printBackground"] = false }, ct))["data"]!);
        pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8).ShouldBeTrue();
        await File.WriteAllBytesAsync(Path.Combine(folder, "platform.pdf"), pdf, ct);
        output.WriteLine("print: " + Path.Combine(folder, "platform.pdf"));

        var problems = browser.Events.Where(e => e.Method switch
        {
            "Runtime.consoleAPICalled" => (string?)e.Params["type"] is "error" or "assert",
            "Runtime.exceptionThrown" => true,
            "Log.entryAdded" => (string?)e.Params["entry"]?["level"] == "error",
            "Network.loadingFailed" => true,
            "Network.requestWillBeSent" => !((string?)e.Params["request"]?["url"] ?? "").StartsWith("file:", StringComparison.Ordinal),
            _ => false,
        }).Select(e => e.Method + " " + e.Params.ToJsonString()).ToArray();
        problems.ShouldBeEmpty();
        browser.Events.ShouldContain(e => e.Method == "Network.requestWillBeSent", "the page load itself should have been seen");
    }

    private async Task Screenshot(Chromium browser, string path, CancellationToken ct)
    {
        var metrics = await browser.SendAsync("Page.getLayoutMetrics", null, ct);
        var size = metrics["cssContentSize"]!;
        var shot = await browser.SendAsync("Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = (double)size["width"]!, ["height"] = (double)size["height"]!, ["scale"] = 1 },
        }, ct);
        var bytes = Convert.FromBase64String((string)shot["data"]!);
        bytes.Length.ShouldBeGreaterThan(10_000);
        await File.WriteAllBytesAsync(path, bytes, ct);
        output.WriteLine("screenshot: " + path);
    }
}
