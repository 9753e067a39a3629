using Berth.Generation;

namespace Berth.Tests.Generation;

public sealed class GeneratedHeaderTests
{
    [Fact]
    public void A_stamped_file_is_intact_until_its_body_changes()
    {
        var stamped = GeneratedHeader.Stamp(new GeneratedFile("main.tf", "a = 1\n"));
        GeneratedHeader.Check("main.tf", stamped.Content).ShouldBe(HeaderState.Intact);
        GeneratedHeader.Check("main.tf", stamped.Content + "b = 2\n").ShouldBe(HeaderState.Edited);
        GeneratedHeader.Check("main.tf", "a = 1\n").ShouldBe(HeaderState.Missing);
    }

    [Fact]
    public void Markdown_gets_an_html_comment()
    {
        var stamped = GeneratedHeader.Stamp(new GeneratedFile("README.md", "# x\n"));
        stamped.Content.ShouldStartWith("<!-- berth:generated sha256=");
        GeneratedHeader.Check("README.md", stamped.Content).ShouldBe(HeaderState.Intact);
    }

    [Fact]
    public void The_plan_creates_updates_keeps_and_refuses()
    {
        var old = GeneratedHeader.Stamp(new GeneratedFile("b.tf", "old\n")).Content;
        var files = new[] { "a.tf", "b.tf", "c.tf", "d.tf" }.Select(p => GeneratedHeader.Stamp(new GeneratedFile(p, "new\n"))).ToArray();
        var disk = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["b.tf"] = old,
            ["c.tf"] = files[2].Content,
            ["d.tf"] = old + "edit\n",
        };

        var plan = WritePlan.Build(files, p => disk.GetValueOrDefault(p), force: false);
        plan.Select(p => p.Action).ShouldBe([WriteAction.Create, WriteAction.Update, WriteAction.Unchanged, WriteAction.Conflict]);
        WritePlan.Build(files, p => disk.GetValueOrDefault(p), force: true)[3].Action.ShouldBe(WriteAction.Update);
    }
}
