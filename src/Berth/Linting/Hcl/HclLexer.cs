namespace Berth.Linting.Hcl;

public enum TokenKind
{
    Eof,
    Newline,
    Ident,
    Number,
    OQuote,
    OHeredoc,
    LBrace,
    RBrace,
    LBrack,
    RBrack,
    LParen,
    RParen,
    Comma,
    Dot,
    Ellipsis,
    Colon,
    DoubleColon,
    Question,
    Equal,
    FatArrow,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    EqualOp,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    And,
    Or,
    Bang,
    Tilde,
    Invalid,
}

public readonly record struct HclToken(TokenKind Kind, string Text, SourcePos Start, SourcePos End);

/// <summary>
/// The native-syntax scanner. It is driven by the parser: normal tokens come from <see cref="Next"/>, while
/// template text (quoted strings and heredocs) is read character by character through <see cref="PeekChar"/>
/// and <see cref="Advance"/>, because what a character means there depends on the parser's state.
/// </summary>
public sealed class HclLexer(string file, string text, HclStringPool pool)
{
    private int _pos;
    private int _line = 1;
    private int _col = 1;
    private readonly List<HclComment> _comments = [];

    public string File { get; } = file;

    /// <summary>The text's line starts: every range of the tree is two offsets into it.</summary>
    public SourceLines Lines { get; } = new(file, text);

    public string Text { get; } = text;

    /// <summary>Where token texts (and the parser's short literals) are shared, so the tree holds one copy of each.</summary>
    public HclStringPool Pool { get; } = pool;

    /// <summary>Template scanning of a heredoc stops here; the rest of the file is out of reach until it is reset.</summary>
    public int Limit { get; set; } = text.Length;

    public IReadOnlyList<HclComment> Comments => _comments;

    public SourcePos Position => new(_line, _col, _pos);

    public bool AtEnd => _pos >= Limit;

    public int Offset => _pos;

    public char PeekChar(int ahead = 0) => _pos + ahead < Limit ? Text[_pos + ahead] : '\0';

    public void Advance(int count = 1)
    {
        for (var i = 0; i < count && _pos < Limit; i++)
        {
            if (Text[_pos] == '\n')
            {
                _line++;
                _col = 1;
            }
            else
            {
                _col++;
            }

            _pos++;
        }
    }

    /// <summary>
    /// How many characters from here are plain template text: none of a line break (the caller strips a heredoc's
    /// indent after it), <c>$</c> or <c>%</c> (a possible interpolation or directive), and in a quoted string
    /// <c>"</c> or <c>\</c>. The template scanner copies such a run at once instead of one character at a time.
    /// </summary>
    public int LiteralRun(bool quoted)
    {
        var rest = Text.AsSpan(_pos, Limit - _pos);
        var run = quoted ? rest.IndexOfAny(QuotedStops) : rest.IndexOfAny(HeredocStops);
        return run < 0 ? rest.Length : run;
    }

    private static readonly System.Buffers.SearchValues<char> QuotedStops = System.Buffers.SearchValues.Create("\n$%\"\\");
    private static readonly System.Buffers.SearchValues<char> HeredocStops = System.Buffers.SearchValues.Create("\n$%");

    /// <summary><see cref="Advance"/> over characters known to hold no line break (a <see cref="LiteralRun"/>).</summary>
    public void AdvanceInLine(int count)
    {
        _pos += count;
        _col += count;
    }

    public void Reset(SourcePos pos)
    {
        _pos = pos.Offset;
        _line = pos.Line;
        _col = pos.Column;
    }

    public SourceRange RangeFrom(SourcePos start) => new(Lines, start.Offset, _pos);

    public HclToken Next()
    {
        SkipTrivia();
        var start = Position;
        if (AtEnd)
        {
            return new HclToken(TokenKind.Eof, "", start, start);
        }

        var c = PeekChar();
        if (c == '\n' || (c == '\r' && PeekChar(1) == '\n'))
        {
            Advance(c == '\r' ? 2 : 1);
            return new HclToken(TokenKind.Newline, "\n", start, Position);
        }

        if (IsIdentStart(c))
        {
            while (IsIdentPart(PeekChar()))
            {
                Advance();
            }

            return Make(TokenKind.Ident, start);
        }

        if (char.IsAsciiDigit(c))
        {
            ScanNumber();
            return Make(TokenKind.Number, start);
        }

        switch (c)
        {
            case '"':
                Advance();
                return new HclToken(TokenKind.OQuote, "\"", start, Position);
            case '<' when PeekChar(1) == '<' && (IsIdentStart(PeekChar(2)) || (PeekChar(2) == '-' && IsIdentStart(PeekChar(3)))):
                Advance(2);
                if (PeekChar() == '-')
                {
                    Advance();
                }

                while (IsIdentPart(PeekChar()))
                {
                    Advance();
                }

                return Make(TokenKind.OHeredoc, start);
            case '.' when PeekChar(1) == '.' && PeekChar(2) == '.':
                Advance(3);
                return Make(TokenKind.Ellipsis, start);
            case ':' when PeekChar(1) == ':':
                Advance(2);
                return Make(TokenKind.DoubleColon, start);
            case '=' when PeekChar(1) == '=':
                Advance(2);
                return Make(TokenKind.EqualOp, start);
            case '=' when PeekChar(1) == '>':
                Advance(2);
                return Make(TokenKind.FatArrow, start);
            case '!' when PeekChar(1) == '=':
                Advance(2);
                return Make(TokenKind.NotEqual, start);
            case '<' when PeekChar(1) == '=':
                Advance(2);
                return Make(TokenKind.LessEqual, start);
            case '>' when PeekChar(1) == '=':
                Advance(2);
                return Make(TokenKind.GreaterEqual, start);
            case '&' when PeekChar(1) == '&':
                Advance(2);
                return Make(TokenKind.And, start);
            case '|' when PeekChar(1) == '|':
                Advance(2);
                return Make(TokenKind.Or, start);
        }

        var kind = c switch
        {
            '{' => TokenKind.LBrace,
            '}' => TokenKind.RBrace,
            '[' => TokenKind.LBrack,
            ']' => TokenKind.RBrack,
            '(' => TokenKind.LParen,
            ')' => TokenKind.RParen,
            ',' => TokenKind.Comma,
            '.' => TokenKind.Dot,
            ':' => TokenKind.Colon,
            '?' => TokenKind.Question,
            '=' => TokenKind.Equal,
            '+' => TokenKind.Plus,
            '-' => TokenKind.Minus,
            '*' => TokenKind.Star,
            '/' => TokenKind.Slash,
            '%' => TokenKind.Percent,
            '<' => TokenKind.Less,
            '>' => TokenKind.Greater,
            '!' => TokenKind.Bang,
            '~' => TokenKind.Tilde,
            _ => TokenKind.Invalid,
        };
        Advance();
        return new HclToken(kind, kind == TokenKind.Invalid ? c.ToString() : Punctuation(c), start, Position);
    }

    private static string Punctuation(char c) => c switch
    {
        '{' => "{",
        '}' => "}",
        '[' => "[",
        ']' => "]",
        '(' => "(",
        ')' => ")",
        ',' => ",",
        '.' => ".",
        ':' => ":",
        '?' => "?",
        '=' => "=",
        '+' => "+",
        '-' => "-",
        '*' => "*",
        '/' => "/",
        '%' => "%",
        '<' => "<",
        '>' => ">",
        '!' => "!",
        _ => "~",
    };

    public static bool IsIdentStart(char c) => char.IsLetter(c) || c == '_';

    public static bool IsIdentPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-';

    private HclToken Make(TokenKind kind, SourcePos start) => new(kind, Pool.Get(Text.AsSpan(start.Offset, _pos - start.Offset)), start, Position);

    private void ScanNumber()
    {
        while (char.IsAsciiDigit(PeekChar()))
        {
            Advance();
        }

        if (PeekChar() == '.' && char.IsAsciiDigit(PeekChar(1)))
        {
            Advance();
            while (char.IsAsciiDigit(PeekChar()))
            {
                Advance();
            }
        }

        if (PeekChar() is 'e' or 'E' && (char.IsAsciiDigit(PeekChar(1)) || (PeekChar(1) is '+' or '-' && char.IsAsciiDigit(PeekChar(2)))))
        {
            Advance(2);
            while (char.IsAsciiDigit(PeekChar()))
            {
                Advance();
            }
        }
    }

    /// <summary>Spaces, tabs and comments; a line comment stops before its newline, which stays a token.</summary>
    private void SkipTrivia()
    {
        while (!AtEnd)
        {
            var c = PeekChar();
            if (c is ' ' or '\t' or '\f' || (c == '\r' && PeekChar(1) != '\n'))
            {
                Advance();
            }
            else if (c == '#' || (c == '/' && PeekChar(1) == '/'))
            {
                var start = Position;
                while (!AtEnd && PeekChar() != '\n' && !(PeekChar() == '\r' && PeekChar(1) == '\n'))
                {
                    Advance();
                }

                _comments.Add(new HclComment(Text[start.Offset.._pos], RangeFrom(start)));
            }
            else if (c == '/' && PeekChar(1) == '*')
            {
                var start = Position;
                Advance(2);
                while (!AtEnd && !(PeekChar() == '*' && PeekChar(1) == '/'))
                {
                    Advance();
                }

                Advance(2);
                _comments.Add(new HclComment(Text[start.Offset.._pos], RangeFrom(start)));
            }
            else
            {
                return;
            }
        }
    }
}
