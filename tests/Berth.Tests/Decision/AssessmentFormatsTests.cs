using System.Globalization;
using System.Text.Json;
using Berth.Decision;
using Berth.Spec;

namespace Berth.Tests.Decision;

public class AssessmentFormatsTests
{
    [Fact]
    public void Json_follows_the_contract()
    {
        var a = Priced.Assess(Scenarios.SmallTeam());

        using var doc = JsonDocument.Parse(AssessmentFormats.ToJson(a));
        var root = doc.RootElement;

        root.EnumerateObject().Select(p => p.Name).ShouldBe(["recommendation", "closeCall", "scores", "reasons", "counterfactuals"]);
        root.GetProperty("recommendation").GetString().ShouldBe("ecs-fargate");
        root.GetProperty("closeCall").ValueKind.ShouldBe(JsonValueKind.False);
        var scores = root.GetProperty("scores");
        scores.EnumerateObject().Select(p => p.Name).ShouldBe(["ecs-fargate", "eks"]);
        scores.GetProperty("ecs-fargate").GetInt32().ShouldBe(a.EcsScore);
        scores.GetProperty("eks").GetInt32().ShouldBe(a.EksScore);

        var reasons = root.GetProperty("reasons").EnumerateArray().ToList();
        reasons.Count.ShouldBe(DecisionEngine.Criteria.Count);
        foreach (var r in reasons)
        {
            r.EnumerateObject().Select(p => p.Name).ShouldBe(["id", "favours", "weight", "text"]);
            r.GetProperty("id").ValueKind.ShouldBe(JsonValueKind.String);
            r.GetProperty("favours").GetString().ShouldBeOneOf("ecs-fargate", "eks", "neutral");
            r.GetProperty("weight").ValueKind.ShouldBe(JsonValueKind.Number);
            r.GetProperty("text").ValueKind.ShouldBe(JsonValueKind.String);
        }

        reasons.Last().GetProperty("favours").GetString().ShouldBe("neutral");
        var weights = reasons.Select(r => r.GetProperty("weight").GetInt32()).ToList();
        weights.ShouldBe(weights.OrderByDescending(w => w).ToList());

        var counterfactuals = root.GetProperty("counterfactuals").EnumerateArray().ToList();
        counterfactuals.ShouldNotBeEmpty();
        foreach (var c in counterfactuals)
        {
            c.EnumerateObject().Select(p => p.Name).ShouldBe(["change", "recommendation"]);
            c.GetProperty("change").ValueKind.ShouldBe(JsonValueKind.String);
            c.GetProperty("recommendation").GetString().ShouldBe("eks");
        }
    }

    [Fact]
    public void Json_is_indented_two_spaces_with_lf_and_a_trailing_newline()
    {
        var json = AssessmentFormats.ToJson(Priced.Assess(Scenarios.MixedSignals()));

        json.ShouldNotContain("\r");
        json.ShouldStartWith("{\n  \"recommendation\": ");
        json.ShouldEndWith("}\n");
        json.ShouldContain("\"closeCall\": true");
    }

    [Fact]
    public void Json_keeps_quotes_and_symbols_readable()
    {
        var json = AssessmentFormats.ToJson(Priced.Assess(Scenarios.Platform()));

        json.ShouldContain("('cert-manager', 'strimzi')");
        json.ShouldContain("25+ services");
        json.ShouldContain("EKS's");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("markdown")]
    public void Output_is_byte_identical_under_any_culture(string format)
    {
        // Dollar figures ("$1,234.56"), pod counts and 1–10 ranges: separators and dashes that a culture could change.
        var spec = SpecBuilder.Default
            .WithServices(SpecBuilder.Service("web", replicas: null, scaling: new ScalingSpec(2, 9, 70, 75)))
            .WithTeam(engineers: 3, timelineMonths: 2)
            .Build();
        string Render()
        {
            var a = Priced.Assess(spec);
            return format == "json" ? AssessmentFormats.ToJson(a) : AssessmentFormats.ToMarkdown(a, spec);
        }

        var original = CultureInfo.CurrentCulture;
        string german;
        string invariant;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            german = Render();
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            invariant = Render();
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }

        german.ShouldContain("of about 6 pods");
        german.ShouldMatch(@"(?s).*\$\d[\d,]*\.\d\d.*");
        german.ShouldBe(invariant);
    }

    [Fact]
    public void Markdown_has_heading_recommendation_scores_reasons_and_counterfactuals()
    {
        var spec = Scenarios.MixedSignals();
        var md = AssessmentFormats.ToMarkdown(Priced.Assess(spec), spec);

        md.ShouldStartWith("# Assessment: mixed\n");
        md.ShouldContain("**Recommendation: eks** (close call");
        md.ShouldContain("Scores: ecs-fargate 2, eks 5");
        md.ShouldContain("| Weight | Favours | Reason |");
        md.ShouldContain("| 3 | eks | GitOps required (gitops: true)");
        md.ShouldContain("- with 10 services instead of 15 → ecs-fargate");
        md.ShouldNotContain("\r");
    }

    [Fact]
    public void Markdown_says_when_nothing_flips_the_answer()
    {
        var spec = Scenarios.Platform();
        var md = AssessmentFormats.ToMarkdown(Priced.Assess(spec), spec);

        md.ShouldContain("**Recommendation: eks**\n");
        md.ShouldContain("No single change to the input flips the recommendation.");
    }

    [Theory]
    [InlineData("small-team")]
    [InlineData("platform")]
    [InlineData("mixed")]
    public void Output_matches_the_approved_files(string scenario)
    {
        var spec = scenario switch
        {
            "small-team" => Scenarios.SmallTeam(),
            "platform" => Scenarios.Platform(),
            _ => Scenarios.MixedSignals(),
        };
        var a = Priced.Assess(spec);

        Approved.Verify($"Decision/Approved/{scenario}.json", AssessmentFormats.ToJson(a));
        Approved.Verify($"Decision/Approved/{scenario}.md", AssessmentFormats.ToMarkdown(a, spec));
    }
}
