using System.Globalization;
using System.Text.RegularExpressions;
using Berth.Spec;

namespace Berth.Tests.Spec;

/// <summary>
/// Every file in Spec/Malformed is a broken berth.yaml whose first line says where the first error must be
/// reported and what it must say: <c># expect: LINE:COLUMN message fragment</c>.
/// </summary>
public sealed partial class MalformedCorpusTests
{
    private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Spec", "Malformed");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [GeneratedRegex(@"^# expect: (?<line>[0-9]+):(?<column>[0-9]+) (?<fragment>.+)$")]
    private static partial Regex ExpectLine();

    [Fact]
    public void The_corpus_has_at_least_35_cases()
    {
        Directory.GetFiles(CorpusDirectory, "*.yaml").Length.ShouldBeGreaterThanOrEqualTo(35);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_spec_reports_its_first_error_where_and_as_expected(string name)
    {
        var path = Path.Combine(CorpusDirectory, name);
        var firstLine = File.ReadLines(path).First();
        var expect = ExpectLine().Match(firstLine);
        expect.Success.ShouldBeTrue($"{name} must start with '# expect: LINE:COLUMN fragment'");
        var line = int.Parse(expect.Groups["line"].Value, CultureInfo.InvariantCulture);
        var column = int.Parse(expect.Groups["column"].Value, CultureInfo.InvariantCulture);
        var fragment = expect.Groups["fragment"].Value;

        var result = SpecLoader.LoadFile(path);

        result.Succeeded.ShouldBeFalse();
        result.Spec.ShouldBeNull();
        result.Errors.ShouldNotBeEmpty();
        var first = result.Errors[0];
        var all = string.Join("\n", result.Errors);
        first.Location.File.ShouldBe(path);
        (first.Location.Line, first.Location.Column).ShouldBe((line, column), all);
        first.Message.ShouldContain(fragment, Case.Sensitive, all);
        first.ToString().ShouldStartWith($"{path}:{line}:{column}: error: ");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_spec_never_reports_the_same_place_twice(string name)
    {
        var result = SpecLoader.LoadFile(Path.Combine(CorpusDirectory, name));

        var repeated = result.Errors.GroupBy(e => e.Location).Where(g => g.Count() > 1).Select(g => string.Join(" | ", g));
        repeated.ShouldBeEmpty();
    }
}
