namespace Berth.Linting.Hcl;

/// <summary>A parsed HCL file: its body, its comments and the syntax errors found.</summary>
public sealed record HclFile(string Path, HclBody Body, IReadOnlyList<HclComment> Comments, IReadOnlyList<LintDiagnostic> Diagnostics)
{
    /// <summary>False when the text has no <c>berth:ignore</c>, so suppressions need not read the file again.</summary>
    public bool MentionsSuppression { get; init; } = true;
}

public sealed record HclComment(string Text, SourceRange Range);

/// <summary>Attributes and blocks in source order.</summary>
public sealed record HclBody(IReadOnlyList<HclAttr> Attributes, IReadOnlyList<HclBlock> Blocks, SourceRange Range)
{
    public HclAttr? Attribute(string name)
    {
        foreach (var a in Attributes)
        {
            if (a.Name == name)
            {
                return a;
            }
        }

        return null;
    }

    public IEnumerable<HclBlock> BlocksOfType(string type) => Blocks.Where(b => b.Type == type);
}

public sealed record HclAttr(string Name, HclExpr Value, SourceRange Range);

public sealed record HclBlock(string Type, IReadOnlyList<string> Labels, HclBody Body, SourceRange Range);

/// <summary>Every expression form of the native syntax; each node knows its range.</summary>
public abstract record HclExpr(SourceRange Range);

/// <summary>A number (decimal), bool or null.</summary>
public sealed record HclLiteral(object? Value, SourceRange Range) : HclExpr(Range)
{
    /// <summary>true and false boxed once: a tree holds one box per literal otherwise.</summary>
    public static readonly object True = true;

    public static readonly object False = false;

    // Whole numbers 0–1023 (ports, counts, sizes, retention days) boxed once each, for the same reason.
    private static readonly object[] SmallWholeNumbers = Enumerable.Range(0, 1024).Select(i => (object)(decimal)i).ToArray();

    /// <summary>The number boxed, sharing one box per small whole number (a decimal keeps its scale: 1.0 is not 1).</summary>
    public static object Box(decimal value) =>
        value.Scale == 0 && value >= 0 && value < SmallWholeNumbers.Length ? SmallWholeNumbers[(int)value] : value;
}

/// <summary>A quoted string or heredoc; a literal-only template has a single <see cref="TemplateLiteral"/> part.</summary>
public sealed record HclTemplate : HclExpr
{
    // The parts, or for a plain quoted string ("tcp", a name, an ARN: most strings) its text alone: the part and its
    // array are made when asked for, so the tree does not hold two more objects per string for as long as a lint runs.
    private readonly object _parts;

    public HclTemplate(IReadOnlyList<TemplatePart> parts, bool heredoc, SourceRange range)
        : base(range)
    {
        _parts = parts;
        Heredoc = heredoc;
    }

    private HclTemplate(string plain, SourcePos contentStart, SourceRange range)
        : base(range)
    {
        _parts = plain;
        ContentStart = contentStart;
    }

    /// <summary>A quoted string without interpolation: its one literal part runs from <paramref name="contentStart"/>
    /// to the end of <paramref name="range"/>, as the general template scan gives it.</summary>
    public static HclTemplate Plain(string text, SourcePos contentStart, SourceRange range) => new(text, contentStart, range);

    public IReadOnlyList<TemplatePart> Parts => _parts switch
    {
        string { Length: 0 } => [],
        string text => [new TemplateLiteral(text, Range.StartingAt(ContentStart))],
        _ => (IReadOnlyList<TemplatePart>)_parts,
    };

    /// <summary>The text of a plain quoted string (no part made); null for any other template.</summary>
    public string? PlainText => _parts as string;

    /// <summary>The text of a template that is one literal part (a plain string, or one the general scan read, e.g.
    /// with an escape); null for an empty string or one with interpolations or directives.</summary>
    public string? LiteralText => _parts switch
    {
        string { Length: > 0 } text => text,
        IReadOnlyList<TemplatePart> and [TemplateLiteral literal] => literal.Text,
        _ => null,
    };

    public bool Heredoc { get; }

    /// <summary>Where the template's text starts (the first content line of a heredoc).</summary>
    public SourcePos ContentStart { get; init; }
}

public abstract record TemplatePart(SourceRange Range);

public sealed record TemplateLiteral(string Text, SourceRange Range) : TemplatePart(Range);

public sealed record TemplateInterpolation(HclExpr Expr, SourceRange Range) : TemplatePart(Range);

public sealed record TemplateIf(HclExpr Condition, IReadOnlyList<TemplatePart> Then, IReadOnlyList<TemplatePart> Else, SourceRange Range) : TemplatePart(Range);

public sealed record TemplateFor(string? KeyVar, string ValueVar, HclExpr Collection, IReadOnlyList<TemplatePart> Body, SourceRange Range) : TemplatePart(Range);

public sealed record HclVariable(string Name, SourceRange Range) : HclExpr(Range);

public sealed record HclGetAttr(HclExpr Source, string Name, SourceRange Range) : HclExpr(Range);

public sealed record HclIndex(HclExpr Source, HclExpr Key, SourceRange Range) : HclExpr(Range);

/// <summary><c>src[*].a.b</c> or <c>src.*.a</c>: <see cref="Each"/> is applied to every element through <see cref="HclSplatItem"/>.</summary>
public sealed record HclSplat(HclExpr Source, HclExpr Each, bool Full, SourceRange Range) : HclExpr(Range);

public sealed record HclSplatItem(SourceRange Range) : HclExpr(Range);

public sealed record HclCall(string Name, IReadOnlyList<HclExpr> Args, bool ExpandFinal, SourceRange Range) : HclExpr(Range);

public sealed record HclConditional(HclExpr Condition, HclExpr True, HclExpr False, SourceRange Range) : HclExpr(Range);

public sealed record HclUnary(string Op, HclExpr Operand, SourceRange Range) : HclExpr(Range);

public sealed record HclBinary(string Op, HclExpr Left, HclExpr Right, SourceRange Range) : HclExpr(Range);

public sealed record HclTuple(IReadOnlyList<HclExpr> Items, SourceRange Range) : HclExpr(Range);

public sealed record HclObjectItem(HclExpr Key, HclExpr Value, SourceRange Range);

public sealed record HclObjectCons(IReadOnlyList<HclObjectItem> Items, SourceRange Range) : HclExpr(Range);

/// <summary>A bare identifier used as an object key: a string, not a variable.</summary>
public sealed record HclKeyword(string Name, SourceRange Range) : HclExpr(Range);

public sealed record HclFor(string? KeyVar, string ValueVar, HclExpr Collection, HclExpr? KeyExpr, HclExpr ValueExpr, HclExpr? Condition, bool Grouping, SourceRange Range) : HclExpr(Range);

public sealed record HclParens(HclExpr Inner, SourceRange Range) : HclExpr(Range);

/// <summary>What the parser leaves where an expression could not be read; it evaluates to unknown.</summary>
public sealed record HclErrorExpr(SourceRange Range) : HclExpr(Range);
