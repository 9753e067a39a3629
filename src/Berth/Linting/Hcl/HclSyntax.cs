namespace Berth.Linting.Hcl;

/// <summary>A parsed HCL file: its body, its comments (kept for suppressions) and the syntax errors found.</summary>
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
public sealed record HclLiteral(object? Value, SourceRange Range) : HclExpr(Range);

/// <summary>A quoted string or heredoc; a literal-only template has a single <see cref="TemplateLiteral"/> part.</summary>
public sealed record HclTemplate(IReadOnlyList<TemplatePart> Parts, bool Heredoc, SourceRange Range) : HclExpr(Range)
{
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
