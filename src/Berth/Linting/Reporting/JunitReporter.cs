using System.Globalization;
using System.Text;
using System.Xml;

namespace Berth.Linting.Reporting;

/// <summary>JUnit XML: one test case per rule and file checked, a failure per finding.</summary>
public static class JunitReporter
{
    public static string Render(LintReport report)
    {
        var failing = report.Failing;
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, NewLineChars = "\n", OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("testsuites");
            w.WriteAttributeString("name", "berth lint");
            w.WriteAttributeString("tests", Count(Math.Max(1, failing.Count)));
            w.WriteAttributeString("failures", Count(failing.Count));
            w.WriteStartElement("testsuite");
            w.WriteAttributeString("name", "berth lint");
            w.WriteAttributeString("tests", Count(Math.Max(1, failing.Count)));
            w.WriteAttributeString("failures", Count(failing.Count));
            w.WriteAttributeString("errors", "0");
            w.WriteAttributeString("skipped", "0");
            if (failing.Count == 0)
            {
                w.WriteStartElement("testcase");
                w.WriteAttributeString("classname", "berth.lint");
                w.WriteAttributeString("name", "no findings at or above " + report.FailOn.Name());
                w.WriteEndElement();
            }

            foreach (var f in failing)
            {
                var file = report.RelativePath(f.Range.File);
                w.WriteStartElement("testcase");
                w.WriteAttributeString("classname", file);
                w.WriteAttributeString("name", f.RuleId + " " + f.Address);
                w.WriteAttributeString("file", file);
                w.WriteAttributeString("line", Count(f.Range.Line));
                w.WriteStartElement("failure");
                w.WriteAttributeString("type", f.Severity.Name());
                w.WriteAttributeString("message", f.Message);
                w.WriteString(file + ":" + Count(f.Range.Line) + ":" + Count(f.Range.Column) + " " + f.RuleId + " " + f.Message + "\nfix: " + (report.Rule(f.RuleId)?.Fix ?? ""));
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal) + "\n";
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
