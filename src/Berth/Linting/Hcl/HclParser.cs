using System.Globalization;
using System.Text;

namespace Berth.Linting.Hcl;

/// <summary>
/// A recursive-descent parser for HCL2's native syntax (hashicorp/hcl hclsyntax spec). It never throws on bad
/// input: each error becomes a diagnostic with its position, the parser skips to the end of the line (or the
/// closing bracket) and goes on. Nesting is bounded so hostile input cannot exhaust the stack.
/// </summary>
public sealed class HclParser
{
    /// <summary>The deepest syntax tree a file may build: nesting, and operators or postfix steps in a chain (each
    /// adds a level), so the evaluator and every walker over the tree stay within the stack (README, Limits).</summary>
    private const int MaxDepth = LintLimits.MaxExpressionDepth;

    private static readonly TokenKind[][] BinaryLevels =
    [
        [TokenKind.Or],
        [TokenKind.And],
        [TokenKind.EqualOp, TokenKind.NotEqual],
        [TokenKind.Less, TokenKind.LessEqual, TokenKind.Greater, TokenKind.GreaterEqual],
        [TokenKind.Plus, TokenKind.Minus],
        [TokenKind.Star, TokenKind.Slash, TokenKind.Percent],
    ];

    private readonly HclLexer _lx;
    private readonly List<LintDiagnostic> _diagnostics = [];
    private readonly Stack<bool> _newlines = new();
    private HclToken? _peeked;
    private readonly StringBuilder _literal = new();
    private SourcePos _lastEnd;
    private int _depth;

    // Lists to build bodies, labels, tuples, objects and calls in, reused within the file (see Scratch).
    private readonly Scratch<HclAttr> _attributes = new();
    private readonly Scratch<HclBlock> _blocks = new();
    private readonly Scratch<string> _labels = new();
    private readonly Scratch<HclExpr> _exprs = new();
    private readonly Scratch<HclObjectItem> _items = new();

    private HclParser(string path, string text, HclStringPool? pool)
    {
        _lx = new HclLexer(path, text, pool ?? new HclStringPool());
        _newlines.Push(true);
    }

    /// <param name="path">The file's path, as diagnostics and ranges name it.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="pool">Shared by the files of one run so that they hold one copy of each name; a fresh one when null.</param>
    public static HclFile Parse(string path, string text, HclStringPool? pool = null)
    {
        var parser = new HclParser(path, text, pool);
        var start = parser._lx.Position;
        var body = parser.ParseBody(topLevel: true, start);
        return new HclFile(path, body, parser._lx.Comments, parser._diagnostics) { MentionsSuppression = LintSuppressions.Mentioned(text) };
    }

    /// <summary>Parses one expression on its own (for tests and for values given on the command line).</summary>
    public static (HclExpr Expr, IReadOnlyList<LintDiagnostic> Diagnostics) ParseExpression(string path, string text)
    {
        var parser = new HclParser(path, text, null);
        var expr = parser.ParseExpr();
        while (parser.Peek().Kind == TokenKind.Newline)
        {
            parser.Next();
        }

        if (parser.Peek().Kind != TokenKind.Eof)
        {
            parser.Error(parser.Peek(), "unexpected " + Describe(parser.Peek()) + " after the expression");
        }

        return (expr, parser._diagnostics);
    }

    /// <summary>Parses a whole file as a template (for <c>templatefile</c>).</summary>
    public static (HclTemplate Template, IReadOnlyList<LintDiagnostic> Diagnostics) ParseTemplate(string path, string text)
    {
        var parser = new HclParser(path, text, null);
        var start = parser._lx.Position;
        var parts = parser.ScanTemplate(quoted: false, flushIndent: 0);
        var template = new HclTemplate(parts.ToArray(), heredoc: true, new SourceRange(parser._lx.Lines, start.Offset, parser._lx.Position.Offset)) { ContentStart = start };
        return (template, parser._diagnostics);
    }

    private HclToken Peek()
    {
        _peeked ??= _lx.Next();
        while (_peeked.Value.Kind == TokenKind.Newline && !_newlines.Peek())
        {
            _peeked = _lx.Next();
        }

        return _peeked.Value;
    }

    private HclToken Next()
    {
        var t = Peek();
        _peeked = null;
        _lastEnd = t.End;
        return t;
    }

    private SourceRange From(SourcePos start) => new(_lx.Lines, start.Offset, Math.Max(_lastEnd.Offset, start.Offset));

    private void Error(HclToken at, string message) => Error(at.Start, message);

    private void Error(SourcePos at, string message)
    {
        if (_diagnostics.Count < 1000)
        {
            _diagnostics.Add(new LintDiagnostic(new SourceRange(_lx.Lines, at.Offset, at.Offset), message));
        }
    }

    private static string Describe(HclToken t) => t.Kind switch
    {
        TokenKind.Eof => "end of file",
        TokenKind.Newline => "newline",
        _ => "'" + t.Text + "'",
    };

    private bool Expect(TokenKind kind, string what)
    {
        if (Peek().Kind == kind)
        {
            Next();
            return true;
        }

        Error(Peek(), "expected " + what + ", found " + Describe(Peek()));
        return false;
    }

    // ---- bodies ----

    private HclBody ParseBody(bool topLevel, SourcePos start)
    {
        var attributes = _attributes.Rent();
        var blocks = _blocks.Rent();
        _depth++;
        while (true)
        {
            var t = Peek();
            if (t.Kind == TokenKind.Newline)
            {
                Next();
                continue;
            }

            if (t.Kind == TokenKind.Eof)
            {
                if (!topLevel)
                {
                    Error(t, "missing '}' to close the block");
                }

                break;
            }

            if (t.Kind == TokenKind.RBrace)
            {
                if (!topLevel)
                {
                    break;
                }

                Error(t, "unexpected '}'");
                Next();
                continue;
            }

            if (_depth > MaxDepth)
            {
                Error(t, "blocks nested too deeply");
                Recover();
                continue;
            }

            if (t.Kind != TokenKind.Ident)
            {
                Error(t, "expected an attribute or a block, found " + Describe(t));
                Recover();
                continue;
            }

            Next();
            if (Peek().Kind == TokenKind.Equal)
            {
                Next();
                var value = ParseExpr();
                attributes.Add(new HclAttr(t.Text, value, From(t.Start)));
                EndOfItem();
                continue;
            }

            var labels = _labels.Rent();
            while (Peek().Kind is TokenKind.OQuote or TokenKind.Ident)
            {
                var label = Next();
                if (label.Kind == TokenKind.Ident)
                {
                    labels.Add(label.Text);
                    continue;
                }

                var template = ParseQuotedTemplate(label.Start);
                if (template.LiteralText is { } text)
                {
                    labels.Add(text);
                }
                else if (template.PlainText is not null || template.Parts.Count == 0)
                {
                    labels.Add("");
                }
                else
                {
                    labels.Add("?");
                    Error(label, "a block label cannot contain interpolation");
                }
            }

            var blockLabels = _labels.Return(labels);
            if (Peek().Kind != TokenKind.LBrace)
            {
                Error(Peek(), "expected '=' or a block's '{' after '" + t.Text + "', found " + Describe(Peek()));
                Recover();
                continue;
            }

            var open = Next();
            var body = ParseBody(topLevel: false, open.Start);
            blocks.Add(new HclBlock(t.Text, blockLabels, body, From(t.Start)));
            EndOfItem();
        }

        _depth--;
        if (!topLevel)
        {
            // A block's body runs from its '{' to its '}'.
            Expect(TokenKind.RBrace, "'}'");
        }

        // Exact-size arrays, not the lists they were built in: a tree of 10,000 files holds millions of them.
        return new HclBody(_attributes.Return(attributes), _blocks.Return(blocks), From(start));
    }

    private void EndOfItem()
    {
        var t = Peek();
        if (t.Kind == TokenKind.Newline)
        {
            Next();
        }
        else if (t.Kind is not (TokenKind.Eof or TokenKind.RBrace))
        {
            Error(t, "expected a newline after the item, found " + Describe(t));
            Recover();
        }
    }

    /// <summary>Skips to the next newline outside brackets, stopping before a '}' that closes the current block.</summary>
    private void Recover()
    {
        var nesting = 0;
        while (true)
        {
            var t = Peek();
            switch (t.Kind)
            {
                case TokenKind.Eof:
                    return;
                case TokenKind.Newline when nesting <= 0:
                    Next();
                    return;
                case TokenKind.RBrace when nesting <= 0:
                    return;
                case TokenKind.LBrace or TokenKind.LBrack or TokenKind.LParen:
                    nesting++;
                    break;
                case TokenKind.RBrace or TokenKind.RBrack or TokenKind.RParen:
                    nesting--;
                    break;
            }

            Next();
        }
    }

    // ---- expressions ----

    private HclExpr ParseExpr()
    {
        if (_depth > MaxDepth)
        {
            var t = Peek();
            Error(t, "expression nested too deeply");
            if (t.Kind is not (TokenKind.Eof or TokenKind.Newline or TokenKind.RBrace or TokenKind.RBrack or TokenKind.RParen))
            {
                Next();
            }

            return new HclErrorExpr(new SourceRange(_lx.Lines, t.Start.Offset, t.End.Offset));
        }

        _depth++;
        try
        {
            return ParseConditional();
        }
        finally
        {
            _depth--;
        }
    }

    private HclExpr ParseConditional()
    {
        var start = Peek().Start;
        var condition = ParseBinary(0);
        if (Peek().Kind != TokenKind.Question)
        {
            return condition;
        }

        Next();
        var whenTrue = ParseExpr();
        Expect(TokenKind.Colon, "':' of the conditional");
        var whenFalse = ParseExpr();
        return new HclConditional(condition, whenTrue, whenFalse, From(start));
    }

    private HclExpr ParseBinary(int level)
    {
        if (level == BinaryLevels.Length)
        {
            return ParseUnary();
        }

        var start = Peek().Start;
        var left = ParseBinary(level + 1);
        var chain = 0;
        while (Array.IndexOf(BinaryLevels[level], Peek().Kind) >= 0)
        {
            // Each operator of a chain nests the tree one level deeper ("a + b + c" is "(a + b) + c"): past the
            // limit the rest of the chain is still read, one operand at a time, but not built.
            var op = Next();
            chain++;
            var over = _depth + chain > MaxDepth;
            var step = over ? 0 : chain;
            _depth += step;
            var right = ParseBinary(level + 1);
            _depth -= step;
            left = over ? TooDeep(op, left, start) : new HclBinary(op.Text, left, right, From(start));
        }

        return left;
    }

    private HclExpr ParseUnary()
    {
        var t = Peek();
        if (t.Kind is TokenKind.Bang or TokenKind.Minus)
        {
            Next();
            _depth++;
            var operand = _depth > MaxDepth ? ParseExpr() : ParseUnary();
            _depth--;
            return new HclUnary(t.Text, operand, From(t.Start));
        }

        return ParsePostfix(ParsePrimary());
    }

    private HclExpr ParsePostfix(HclExpr expr)
    {
        var start = expr.Range.Start;
        var outer = _depth;
        try
        {
            return ParsePostfixChain(expr, start, outer);
        }
        finally
        {
            _depth = outer;
        }
    }

    /// <summary>An expression already nested past the limit by a chain: reported once, then an error node in its place.</summary>
    private HclErrorExpr TooDeep(HclToken at, HclExpr sofar, SourcePos start)
    {
        if (sofar is not HclErrorExpr)
        {
            Error(at, $"expression nested too deeply (more than {MaxDepth} levels of nesting, operators or steps); its value is unknown");
        }

        return new HclErrorExpr(From(start));
    }

    /// <summary>Parses at the given depth, then restores the current one.</summary>
    private HclExpr AtDepth(int depth, Func<HclExpr> parse)
    {
        var saved = _depth;
        _depth = depth;
        try
        {
            return parse();
        }
        finally
        {
            _depth = saved;
        }
    }

    /// <summary>The step just read, or an error node in its place once the chain is past the limit.</summary>
    private HclExpr Bounded(HclToken at, HclExpr before, HclExpr step, SourcePos start) =>
        _depth > MaxDepth ? TooDeep(at, before, start) : step;

    /// <summary>Attribute, index and splat steps: each nests the tree one level deeper, so <c>_depth</c> grows with the chain.</summary>
    private HclExpr ParsePostfixChain(HclExpr expr, SourcePos start, int outer)
    {
        // An index read past the limit is discarded, so it is read at the chain's own depth (no error per step).
        HclExpr Key() => _depth > MaxDepth ? AtDepth(outer, ParseExpr) : ParseExpr();

        while (true)
        {
            var t = Peek();
            if (t.Kind is TokenKind.Dot or TokenKind.LBrack)
            {
                // Each step nests the tree one level deeper; past the limit the steps are still read, not kept.
                _depth++;
            }

            if (t.Kind == TokenKind.Dot)
            {
                Next();
                var name = Peek();
                if (name.Kind == TokenKind.Ident)
                {
                    Next();
                    expr = Bounded(t, expr, new HclGetAttr(expr, name.Text, From(start)), start);
                }
                else if (name.Kind == TokenKind.Number)
                {
                    Next();
                    expr = Bounded(t, expr, new HclIndex(expr, NumberLiteral(name), From(start)), start);
                }
                else if (name.Kind == TokenKind.Star)
                {
                    Next();
                    HclExpr each = new HclSplatItem(From(name.Start));
                    while (Peek().Kind == TokenKind.Dot)
                    {
                        Next();
                        var attr = Peek();
                        if (!Expect(TokenKind.Ident, "an attribute name after '.'"))
                        {
                            break;
                        }

                        each = ++_depth > MaxDepth ? TooDeep(attr, each, start) : new HclGetAttr(each, attr.Text, From(start));
                    }

                    expr = Bounded(t, expr, new HclSplat(expr, each, Full: false, From(start)), start);
                }
                else
                {
                    Error(name, "expected an attribute name after '.', found " + Describe(name));
                    return expr;
                }
            }
            else if (t.Kind == TokenKind.LBrack)
            {
                Next();
                _newlines.Push(false);
                if (Peek().Kind == TokenKind.Star)
                {
                    var star = Next();
                    Expect(TokenKind.RBrack, "']' after '[*'");
                    _newlines.Pop();
                    HclExpr each = new HclSplatItem(From(star.Start));
                    while (Peek().Kind is TokenKind.Dot or TokenKind.LBrack)
                    {
                        if (Next().Kind == TokenKind.Dot)
                        {
                            var attr = Peek();
                            if (!Expect(TokenKind.Ident, "an attribute name after '.'"))
                            {
                                break;
                            }

                            each = ++_depth > MaxDepth ? TooDeep(attr, each, start) : new HclGetAttr(each, attr.Text, From(start));
                        }
                        else if (Peek().Kind == TokenKind.Star)
                        {
                            // A nested splat (a[*].b[*].c): the rest of the traversal applies to each element of
                            // each.b, so it is a splat of its own inside this one, as Terraform reads it.
                            var inner = Next();
                            Expect(TokenKind.RBrack, "']' after '[*'");
                            each = new HclSplat(each, ParsePostfix(new HclSplatItem(From(inner.Start))), Full: true, From(start));
                            break;
                        }
                        else
                        {
                            _newlines.Push(false);
                            _depth++;
                            var key = Key();
                            Expect(TokenKind.RBrack, "']'");
                            _newlines.Pop();
                            each = Bounded(t, each, new HclIndex(each, key, From(start)), start);
                        }
                    }

                    expr = Bounded(t, expr, new HclSplat(expr, each, Full: true, From(start)), start);
                }
                else
                {
                    var key = Key();
                    Expect(TokenKind.RBrack, "']'");
                    _newlines.Pop();
                    expr = Bounded(t, expr, new HclIndex(expr, key, From(start)), start);
                }
            }
            else
            {
                return expr;
            }
        }
    }

    private HclLiteral NumberLiteral(HclToken t)
    {
        if (decimal.TryParse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return new HclLiteral(HclLiteral.Box(value), new SourceRange(_lx.Lines, t.Start.Offset, t.End.Offset));
        }

        Error(t, "number out of range: " + t.Text);
        return new HclLiteral(HclLiteral.Box(0m), new SourceRange(_lx.Lines, t.Start.Offset, t.End.Offset));
    }

    private HclExpr ParsePrimary()
    {
        var t = Peek();
        switch (t.Kind)
        {
            case TokenKind.Number:
                Next();
                return NumberLiteral(t);
            case TokenKind.Ident:
                Next();
                switch (t.Text)
                {
                    case "true":
                        return new HclLiteral(HclLiteral.True, From(t.Start));
                    case "false":
                        return new HclLiteral(HclLiteral.False, From(t.Start));
                    case "null":
                        return new HclLiteral(null, From(t.Start));
                }

                if (Peek().Kind is TokenKind.LParen or TokenKind.DoubleColon)
                {
                    return ParseCall(t);
                }

                return new HclVariable(t.Text, From(t.Start));
            case TokenKind.OQuote:
                Next();
                return ParseQuotedTemplate(t.Start);
            case TokenKind.OHeredoc:
                Next();
                return ParseHeredoc(t);
            case TokenKind.LParen:
                {
                    Next();
                    _newlines.Push(false);
                    var inner = ParseExpr();
                    Expect(TokenKind.RParen, "')'");
                    _newlines.Pop();
                    return new HclParens(inner, From(t.Start));
                }

            case TokenKind.LBrack:
                Next();
                return ParseTuple(t.Start);
            case TokenKind.LBrace:
                Next();
                return ParseObject(t.Start);
            default:
                Error(t, "expected an expression, found " + Describe(t));
                if (t.Kind is not (TokenKind.Eof or TokenKind.Newline or TokenKind.RBrace or TokenKind.RBrack or TokenKind.RParen or TokenKind.Comma))
                {
                    Next();
                }

                return new HclErrorExpr(new SourceRange(_lx.Lines, t.Start.Offset, t.End.Offset));
        }
    }

    private HclExpr ParseCall(HclToken name)
    {
        var fullName = new StringBuilder(name.Text);
        while (Peek().Kind == TokenKind.DoubleColon)
        {
            Next();
            var part = Peek();
            if (!Expect(TokenKind.Ident, "a function name after '::'"))
            {
                return new HclErrorExpr(From(name.Start));
            }

            fullName.Append("::").Append(part.Text);
        }

        if (!Expect(TokenKind.LParen, "'(' of the function call"))
        {
            return new HclErrorExpr(From(name.Start));
        }

        _newlines.Push(false);
        var args = _exprs.Rent();
        var expand = false;
        while (Peek().Kind is not (TokenKind.RParen or TokenKind.Eof))
        {
            var before = Peek().Start.Offset;
            args.Add(ParseExpr());
            if (Peek().Kind == TokenKind.Ellipsis)
            {
                Next();
                expand = true;
            }

            if (Peek().Kind == TokenKind.Comma)
            {
                Next();
            }
            else if (Peek().Kind != TokenKind.RParen)
            {
                Error(Peek(), "expected ',' or ')' in the arguments of " + fullName + ", found " + Describe(Peek()));
                SkipTo(TokenKind.RParen, before);
                break;
            }
        }

        Expect(TokenKind.RParen, "')'");
        _newlines.Pop();
        return new HclCall(fullName.Length == name.Text.Length ? name.Text : _lx.Pool.Get(fullName.ToString()), _exprs.Return(args), expand, From(name.Start));
    }

    /// <summary>After an error inside brackets: skips to the closing token at this nesting level (not consuming it).</summary>
    private void SkipTo(TokenKind closer, int startOffset)
    {
        var nesting = 0;
        while (true)
        {
            var t = Peek();
            if (t.Kind == TokenKind.Eof || (nesting == 0 && t.Kind == closer))
            {
                return;
            }

            if (nesting == 0 && t.Kind == TokenKind.RBrace && closer != TokenKind.RBrace && t.Start.Offset > startOffset)
            {
                return;
            }

            if (t.Kind is TokenKind.LBrace or TokenKind.LBrack or TokenKind.LParen)
            {
                nesting++;
            }
            else if (t.Kind is TokenKind.RBrace or TokenKind.RBrack or TokenKind.RParen)
            {
                nesting--;
            }

            Next();
        }
    }

    private HclExpr ParseTuple(SourcePos start)
    {
        _newlines.Push(false);
        try
        {
            if (Peek().Kind == TokenKind.Ident && Peek().Text == "for")
            {
                Next();
                var forExpr = ParseForRest(start, TokenKind.RBrack);
                return forExpr;
            }

            var items = _exprs.Rent();
            while (Peek().Kind is not (TokenKind.RBrack or TokenKind.Eof))
            {
                var before = Peek().Start.Offset;
                items.Add(ParseExpr());
                if (Peek().Kind == TokenKind.Comma)
                {
                    Next();
                }
                else if (Peek().Kind != TokenKind.RBrack)
                {
                    Error(Peek(), "expected ',' or ']' in the tuple, found " + Describe(Peek()));
                    SkipTo(TokenKind.RBrack, before);
                    break;
                }
            }

            Expect(TokenKind.RBrack, "']'");
            return new HclTuple(_exprs.Return(items), From(start));
        }
        finally
        {
            _newlines.Pop();
        }
    }

    private HclExpr ParseObject(SourcePos start)
    {
        _newlines.Push(true);
        try
        {
            while (Peek().Kind == TokenKind.Newline)
            {
                Next();
            }

            if (Peek().Kind == TokenKind.Ident && Peek().Text == "for")
            {
                Next();
                _newlines.Push(false);
                var forExpr = ParseForRest(start, TokenKind.RBrace);
                _newlines.Pop();
                return forExpr;
            }

            var items = _items.Rent();
            while (true)
            {
                while (Peek().Kind == TokenKind.Newline)
                {
                    Next();
                }

                if (Peek().Kind is TokenKind.RBrace or TokenKind.Eof)
                {
                    break;
                }

                var before = Peek().Start.Offset;
                var key = ParseExpr();
                if (key is HclVariable variable)
                {
                    key = new HclKeyword(variable.Name, variable.Range);
                }

                if (Peek().Kind is TokenKind.Equal or TokenKind.Colon)
                {
                    Next();
                }
                else
                {
                    Error(Peek(), "expected '=' or ':' after the object key, found " + Describe(Peek()));
                    SkipTo(TokenKind.RBrace, before);
                    break;
                }

                var value = ParseExpr();
                items.Add(new HclObjectItem(key, value, From(key.Range.Start)));
                if (Peek().Kind is TokenKind.Comma or TokenKind.Newline)
                {
                    Next();
                }
                else if (Peek().Kind != TokenKind.RBrace)
                {
                    Error(Peek(), "expected ',', a newline or '}' in the object, found " + Describe(Peek()));
                    SkipTo(TokenKind.RBrace, before);
                    break;
                }
            }

            Expect(TokenKind.RBrace, "'}'");
            return new HclObjectCons(_items.Return(items), From(start));
        }
        finally
        {
            _newlines.Pop();
        }
    }

    private HclExpr ParseForRest(SourcePos start, TokenKind closer)
    {
        var isObject = closer == TokenKind.RBrace;
        var first = Peek();
        if (!Expect(TokenKind.Ident, "a variable name after 'for'"))
        {
            SkipTo(closer, start.Offset);
            Expect(closer, "the end of the for expression");
            return new HclErrorExpr(From(start));
        }

        string? keyVar = null;
        var valueVar = first.Text;
        if (Peek().Kind == TokenKind.Comma)
        {
            Next();
            keyVar = valueVar;
            var second = Peek();
            Expect(TokenKind.Ident, "a second variable name");
            valueVar = second.Text;
        }

        if (Peek().Kind != TokenKind.Ident || Peek().Text != "in")
        {
            Error(Peek(), "expected 'in' in the for expression, found " + Describe(Peek()));
            SkipTo(closer, start.Offset);
            Expect(closer, "the end of the for expression");
            return new HclErrorExpr(From(start));
        }

        Next();
        var collection = ParseExpr();
        Expect(TokenKind.Colon, "':' in the for expression");
        HclExpr? keyExpr = null;
        var valueExpr = ParseExpr();
        var grouping = false;
        if (isObject)
        {
            keyExpr = valueExpr;
            Expect(TokenKind.FatArrow, "'=>' in the object for expression");
            valueExpr = ParseExpr();
            if (Peek().Kind == TokenKind.Ellipsis)
            {
                Next();
                grouping = true;
            }
        }

        HclExpr? condition = null;
        if (Peek().Kind == TokenKind.Ident && Peek().Text == "if")
        {
            Next();
            condition = ParseExpr();
        }

        if (Peek().Kind != closer)
        {
            Error(Peek(), "expected the end of the for expression, found " + Describe(Peek()));
            SkipTo(closer, start.Offset);
        }

        Expect(closer, isObject ? "'}'" : "']'");
        return new HclFor(keyVar, valueVar, collection, keyExpr, valueExpr, condition, grouping, From(start));
    }

    /// <summary>
    /// Lists reused while a file is parsed: each body, tuple, object and call takes one and gives it back with its
    /// items as an exact-size array, so a file makes a few lists (one per nesting level) instead of one per node,
    /// each with the buffers it outgrew.
    /// </summary>
    private sealed class Scratch<T>
    {
        private readonly Stack<List<T>> _free = new();

        public List<T> Rent() => _free.TryPop(out var list) ? list : [];

        public T[] Return(List<T> list)
        {
            var items = list.ToArray();
            list.Clear();
            _free.Push(list);
            return items;
        }
    }

    // ---- templates ----

    private HclTemplate ParseQuotedTemplate(SourcePos start)
    {
        var contentStart = _lx.Position;

        // Most strings are plain text ("tcp", a name, an ARN): read them in one step, with the parts, text and
        // ranges the general scan below would give.
        var run = _lx.LiteralRun(quoted: true);
        if (_lx.PeekChar(run) == '"')
        {
            var text = _lx.Pool.Get(_lx.Text.AsSpan(_lx.Offset, run));
            _lx.AdvanceInLine(run + 1);
            _lastEnd = _lx.Position;
            return HclTemplate.Plain(text, contentStart, From(start));
        }

        var parts = ScanTemplate(quoted: true, flushIndent: 0);
        _lastEnd = _lx.Position;
        return new HclTemplate(parts.ToArray(), heredoc: false, From(start)) { ContentStart = contentStart };
    }

    private HclTemplate ParseHeredoc(HclToken open)
    {
        var flush = open.Text.StartsWith("<<-", StringComparison.Ordinal);
        var marker = open.Text[(flush ? 3 : 2)..];
        while (_lx.PeekChar() is ' ' or '\t' or '\r')
        {
            _lx.Advance();
        }

        if (_lx.PeekChar() != '\n')
        {
            Error(_lx.Position, "a heredoc's marker must end its line");
            while (!_lx.AtEnd && _lx.PeekChar() != '\n')
            {
                _lx.Advance();
            }
        }

        _lx.Advance();
        var contentStart = _lx.Position;

        // Find the closing marker: a line holding only the marker (and indentation).
        var text = _lx.Text;
        var lineStart = contentStart.Offset;
        var contentEnd = -1;
        var closeEnd = -1;
        var minIndent = int.MaxValue;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var line = text.AsSpan(lineStart, lineEnd - lineStart).TrimEnd('\r');
            var trimmed = line.TrimStart(" \t");
            if (trimmed.SequenceEqual(marker))
            {
                contentEnd = lineStart;
                closeEnd = lineStart + line.Length;
                break;
            }

            if (!trimmed.IsEmpty)
            {
                minIndent = Math.Min(minIndent, line.Length - trimmed.Length);
            }

            lineStart = lineEnd + 1;
        }

        if (contentEnd < 0)
        {
            Error(open, "heredoc '" + marker + "' is never closed");
            contentEnd = text.Length;
            closeEnd = text.Length;
        }

        _lx.Limit = contentEnd;
        var parts = ScanTemplate(quoted: false, flushIndent: flush && minIndent != int.MaxValue ? minIndent : 0);
        _lx.Limit = text.Length;
        while (_lx.Position.Offset < closeEnd)
        {
            _lx.Advance();
        }

        _lastEnd = _lx.Position;
        return new HclTemplate(parts.ToArray(), heredoc: true, From(open.Start)) { ContentStart = contentStart };
    }

    private enum FlatKind
    {
        Literal,
        Interp,
        If,
        Else,
        EndIf,
        For,
        EndFor,
    }

    private sealed class Flat(FlatKind kind, SourceRange range)
    {
        public FlatKind Kind { get; } = kind;

        public SourceRange Range { get; } = range;

        public string Text { get; set; } = "";

        public HclExpr? Expr { get; init; }

        public string? KeyVar { get; init; }

        public string ValueVar { get; init; } = "";

        public bool StripBefore { get; init; }

        public bool StripAfter { get; set; }
    }

    private List<TemplatePart> ScanTemplate(bool quoted, int flushIndent)
    {
        var flat = new List<Flat>();

        // One builder per parser: a nested template (inside an interpolation or directive) starts only after the
        // outer literal was flushed, so the builder is always empty when a scan begins and when it ends.
        var sb = _literal;
        sb.Clear();
        var litStart = _lx.Position;
        var atLineStart = !quoted;

        void FlushLiteral()
        {
            if (sb.Length > 0)
            {
                flat.Add(new Flat(FlatKind.Literal, _lx.RangeFrom(litStart)) { Text = Pooled(sb) });
                sb.Clear();
            }
        }

        while (true)
        {
            if (atLineStart && flushIndent > 0)
            {
                for (var i = 0; i < flushIndent && _lx.PeekChar() is ' ' or '\t'; i++)
                {
                    _lx.Advance();
                }
            }

            atLineStart = false;
            if (_lx.AtEnd)
            {
                if (quoted)
                {
                    Error(_lx.Position, "unterminated string");
                }

                break;
            }

            var c = _lx.PeekChar();
            if (quoted && c == '"')
            {
                _lx.Advance();
                break;
            }

            if (quoted && c == '\n')
            {
                Error(_lx.Position, "unterminated string: a quoted string cannot span lines (use a heredoc)");
                break;
            }

            if (sb.Length == 0)
            {
                litStart = _lx.Position;
            }

            if (quoted && c == '\\')
            {
                ScanEscape(sb);
                continue;
            }

            if ((c == '$' && _lx.PeekChar(1) == '$' && _lx.PeekChar(2) == '{') || (c == '%' && _lx.PeekChar(1) == '%' && _lx.PeekChar(2) == '{'))
            {
                sb.Append(c).Append('{');
                _lx.Advance(3);
                continue;
            }

            if ((c == '$' || c == '%') && _lx.PeekChar(1) == '{')
            {
                FlushLiteral();
                var start = _lx.Position;
                _lx.Advance(2);
                var stripBefore = _lx.PeekChar() == '~';
                if (stripBefore)
                {
                    _lx.Advance();
                }

                _newlines.Push(false);
                _peeked = null;
                var item = c == '$' ? ScanInterpolation(start, stripBefore) : ScanDirective(start, stripBefore);
                _newlines.Pop();
                item.StripAfter = CloseTemplateSequence();
                flat.Add(item);
                litStart = _lx.Position;
                continue;
            }

            if (c == '\n')
            {
                sb.Append(c);
                _lx.Advance();
                atLineStart = true;
                continue;
            }

            // c itself is plain text here (a lone $ or % included): copy it with the plain run after it.
            sb.Append(c);
            _lx.AdvanceInLine(1);
            var run = _lx.LiteralRun(quoted);
            sb.Append(_lx.Text, _lx.Offset, run);
            _lx.AdvanceInLine(run);
        }

        FlushLiteral();
        return BuildTemplate(flat);
    }

    /// <summary>A literal's text, from the pool when it is short (most are: "tcp", "Allow", a port).</summary>
    private string Pooled(StringBuilder sb)
    {
        if (sb.Length > HclStringPool.MaxPooledLength)
        {
            return sb.ToString();
        }

        Span<char> buffer = stackalloc char[HclStringPool.MaxPooledLength];
        sb.CopyTo(0, buffer, sb.Length);
        return _lx.Pool.Get(buffer[..sb.Length]);
    }

    private Flat ScanInterpolation(SourcePos start, bool stripBefore)
    {
        var expr = ParseExpr();
        return new Flat(FlatKind.Interp, From(start)) { Expr = expr, StripBefore = stripBefore };
    }

    private Flat ScanDirective(SourcePos start, bool stripBefore)
    {
        var keyword = Peek();
        if (keyword.Kind != TokenKind.Ident)
        {
            Error(keyword, "expected if, else, endif, for or endfor in the template directive, found " + Describe(keyword));
            return new Flat(FlatKind.Interp, From(start)) { Expr = new HclErrorExpr(From(start)), StripBefore = stripBefore };
        }

        Next();
        switch (keyword.Text)
        {
            case "if":
                return new Flat(FlatKind.If, From(start)) { Expr = ParseExpr(), StripBefore = stripBefore };
            case "else":
                return new Flat(FlatKind.Else, From(start)) { StripBefore = stripBefore };
            case "endif":
                return new Flat(FlatKind.EndIf, From(start)) { StripBefore = stripBefore };
            case "endfor":
                return new Flat(FlatKind.EndFor, From(start)) { StripBefore = stripBefore };
            case "for":
                {
                    var first = Peek();
                    Expect(TokenKind.Ident, "a variable name after 'for'");
                    string? keyVar = null;
                    var valueVar = first.Text;
                    if (Peek().Kind == TokenKind.Comma)
                    {
                        Next();
                        keyVar = valueVar;
                        valueVar = Peek().Text;
                        Expect(TokenKind.Ident, "a second variable name");
                    }

                    if (Peek().Kind == TokenKind.Ident && Peek().Text == "in")
                    {
                        Next();
                    }
                    else
                    {
                        Error(Peek(), "expected 'in' in the for directive, found " + Describe(Peek()));
                    }

                    var collection = ParseExpr();
                    return new Flat(FlatKind.For, From(start)) { Expr = collection, KeyVar = keyVar, ValueVar = valueVar, StripBefore = stripBefore };
                }

            default:
                Error(keyword, "unknown template directive '" + keyword.Text + "'");
                return new Flat(FlatKind.Interp, From(start)) { Expr = new HclErrorExpr(From(start)), StripBefore = stripBefore };
        }
    }

    /// <summary>Reads the closing '}' (or '~}') of an interpolation or directive; returns whether it strips.</summary>
    private bool CloseTemplateSequence()
    {
        _newlines.Push(false);
        var strip = false;
        if (Peek().Kind == TokenKind.Tilde)
        {
            Next();
            strip = true;
        }

        if (Peek().Kind == TokenKind.RBrace)
        {
            Next();
        }
        else
        {
            Error(Peek(), "expected '}' to close the template sequence, found " + Describe(Peek()));

            // Resynchronise on the characters: skip to the next '}' or the end of the string/line.
            _peeked = null;
            _newlines.Pop();
            while (!_lx.AtEnd && _lx.PeekChar() is not ('}' or '"' or '\n'))
            {
                _lx.Advance();
            }

            if (_lx.PeekChar() == '}')
            {
                _lx.Advance();
            }

            return strip;
        }

        _newlines.Pop();

        // The lexer must resume on the characters right after '}': nothing is buffered here.
        _peeked = null;
        return strip;
    }

    private void ScanEscape(StringBuilder sb)
    {
        var at = _lx.Position;
        _lx.Advance();
        var e = _lx.PeekChar();
        switch (e)
        {
            case 'n': sb.Append('\n'); _lx.Advance(); return;
            case 'r': sb.Append('\r'); _lx.Advance(); return;
            case 't': sb.Append('\t'); _lx.Advance(); return;
            case '"': sb.Append('"'); _lx.Advance(); return;
            case '\\': sb.Append('\\'); _lx.Advance(); return;
            case 'u' or 'U':
                {
                    var length = e == 'u' ? 4 : 8;
                    var hex = new StringBuilder();
                    _lx.Advance();
                    for (var i = 0; i < length && char.IsAsciiHexDigit(_lx.PeekChar()); i++)
                    {
                        hex.Append(_lx.PeekChar());
                        _lx.Advance();
                    }

                    if (hex.Length == length && int.TryParse(hex.ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) && code is >= 0 and <= 0x10FFFF && code is < 0xD800 or > 0xDFFF)
                    {
                        sb.Append(char.ConvertFromUtf32(code));
                    }
                    else
                    {
                        Error(at, "invalid unicode escape");
                    }

                    return;
                }

            default:
                Error(at, "invalid escape sequence '\\" + e + "'");
                if (e is not ('\n' or '\0'))
                {
                    _lx.Advance();
                }

                return;
        }
    }

    private List<TemplatePart> BuildTemplate(List<Flat> flat)
    {
        // Strip markers: "~" trims the whitespace of the literal before or after the sequence.
        for (var i = 0; i < flat.Count; i++)
        {
            if (flat[i].Kind == FlatKind.Literal)
            {
                continue;
            }

            if (flat[i].StripBefore && i > 0 && flat[i - 1].Kind == FlatKind.Literal)
            {
                flat[i - 1].Text = flat[i - 1].Text.TrimEnd();
            }

            if (flat[i].StripAfter && i + 1 < flat.Count && flat[i + 1].Kind == FlatKind.Literal)
            {
                flat[i + 1].Text = flat[i + 1].Text.TrimStart();
            }
        }

        var index = 0;
        var parts = BuildSequence(flat, ref index, out _);
        while (index < flat.Count)
        {
            Error(flat[index].Range.Start, "unexpected template directive without its opening if/for");
            index++;
            parts.AddRange(BuildSequence(flat, ref index, out _));
        }

        return parts;
    }

    private List<TemplatePart> BuildSequence(List<Flat> flat, ref int index, out Flat? terminator)
    {
        var parts = new List<TemplatePart>();
        terminator = null;
        while (index < flat.Count)
        {
            var item = flat[index];
            switch (item.Kind)
            {
                case FlatKind.Literal:
                    index++;
                    if (item.Text.Length > 0)
                    {
                        parts.Add(new TemplateLiteral(item.Text, item.Range));
                    }

                    break;
                case FlatKind.Interp:
                    index++;
                    parts.Add(new TemplateInterpolation(item.Expr ?? new HclErrorExpr(item.Range), item.Range));
                    break;
                case FlatKind.If:
                    {
                        index++;
                        var then = BuildSequence(flat, ref index, out var end);
                        List<TemplatePart> otherwise = [];
                        if (end?.Kind == FlatKind.Else)
                        {
                            index++;
                            otherwise = BuildSequence(flat, ref index, out end);
                        }

                        if (end?.Kind == FlatKind.EndIf)
                        {
                            index++;
                        }
                        else
                        {
                            Error(item.Range.Start, "%{if} without its %{endif}");
                        }

                        parts.Add(new TemplateIf(item.Expr ?? new HclErrorExpr(item.Range), then.ToArray(), otherwise.ToArray(), item.Range));
                        break;
                    }

                case FlatKind.For:
                    {
                        index++;
                        var body = BuildSequence(flat, ref index, out var end);
                        if (end?.Kind == FlatKind.EndFor)
                        {
                            index++;
                        }
                        else
                        {
                            Error(item.Range.Start, "%{for} without its %{endfor}");
                        }

                        parts.Add(new TemplateFor(item.KeyVar, item.ValueVar, item.Expr ?? new HclErrorExpr(item.Range), body.ToArray(), item.Range));
                        break;
                    }

                default:
                    terminator = item;
                    return parts;
            }
        }

        return parts;
    }
}
