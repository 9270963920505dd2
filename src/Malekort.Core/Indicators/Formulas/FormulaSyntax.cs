using System.Globalization;

namespace Malekort.Indicators;

/// <summary>A node of a parsed formula. <see cref="Position"/> is the 1-based column it starts at, for error messages.</summary>
public abstract record FormulaNode(int Position);

/// <summary>A number written in the formula (<c>100</c>, <c>0,5</c>).</summary>
public sealed record FormulaNumber(int Position, decimal Value) : FormulaNode(Position);

/// <summary>A code: an indicator's count (<c>BL151</c>), one side of a share (<c>B10.TELLER</c>), a population (<c>BEF.18_66</c>) or an own indicator.</summary>
public sealed record FormulaCode(int Position, string Code) : FormulaNode(Position);

/// <summary><c>-x</c>.</summary>
public sealed record FormulaNegation(int Position, FormulaNode Operand) : FormulaNode(Position);

/// <summary><c>a + b</c>, <c>a - b</c>, <c>a * b</c>, <c>a / b</c>; <see cref="FormulaNode.Position"/> is the operator's.</summary>
public sealed record FormulaBinary(int Position, char Operator, FormulaNode Left, FormulaNode Right) : FormulaNode(Position);

/// <summary>A problem with a formula or a field of its form, in Norwegian, with the column in the formula when it has one.</summary>
/// <param name="Field">The form's field (<c>formel</c>, <c>kode</c>, …).</param>
/// <param name="Position">The 1-based column in the formula; 0 when the problem is not at one place.</param>
/// <param name="Message">Why (nb).</param>
public sealed record FormulaError(string Field, int Position, string Message)
{
    /// <summary>The message with its place: «Tegn 7: …».</summary>
    public override string ToString() => Position > 0 ? $"Tegn {Position}: {Message}" : Message;
}

/// <summary>
/// Reads a formula over counts (issue 11 item 6): numbers, codes, <c>+ - * /</c>, unary minus and parentheses, with the usual
/// precedence. A code is letters, digits, <c>.</c> and <c>_</c>, starting with a letter, so <c>FLYT.TILGANG - FLYT.AVGANG</c>
/// is a difference and <c>KVP.ETTER.01</c> one code. A number may use a decimal comma or point.
/// </summary>
public static class FormulaSyntax
{
    /// <summary>The longest formula read: a formula is a line on a form, not a program.</summary>
    public const int MaxLength = 500;

    /// <summary>Parses <paramref name="text"/>; the tree, or the first syntax error with its column.</summary>
    public static (FormulaNode? Tree, FormulaError? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text)) return (null, Error(0, "Skriv en formel, for eksempel «BL166 / BL151 * 100»."));
        if (text.Length > MaxLength) return (null, Error(MaxLength, $"Formelen er lengre enn {MaxLength} tegn."));
        var parser = new Parser(text);
        try
        {
            var tree = parser.Expression();
            parser.End();
            return (tree, null);
        }
        catch (FormulaSyntaxException e)
        {
            return (null, Error(e.Position, e.Message));
        }
    }

    private static FormulaError Error(int position, string message) => new("formel", position, message);

    private sealed class FormulaSyntaxException(int position, string message) : Exception(message)
    {
        public int Position { get; } = position;
    }

    private sealed class Parser(string text)
    {
        private int at;
        private int depth;

        public FormulaNode Expression()
        {
            // Nesting is bounded, so a hostile formula of 500 '(' cannot exhaust the stack.
            if (++depth > 50) throw new FormulaSyntaxException(Column, "Formelen har for mange parenteser inni hverandre.");
            var left = Term();
            while (Peek() is '+' or '-')
            {
                var position = Column;
                var op = text[at++];
                left = new FormulaBinary(position, op, left, Term());
            }
            depth--;
            return left;
        }

        private FormulaNode Term()
        {
            var left = Factor();
            while (Peek() is '*' or '/')
            {
                var position = Column;
                var op = text[at++];
                left = new FormulaBinary(position, op, left, Factor());
            }
            return left;
        }

        private FormulaNode Factor()
        {
            var c = Peek();
            var position = Column;
            if (c == '-')
            {
                at++;
                return new FormulaNegation(position, Factor());
            }
            if (c == '(')
            {
                at++;
                var inner = Expression();
                if (Peek() != ')') throw new FormulaSyntaxException(Column, Peek() is null
                    ? $"Parentesen som åpnes i tegn {position}, lukkes aldri."
                    : $"Venter «)» for parentesen som åpnes i tegn {position}, men finner «{text[at]}».");
                at++;
                return inner;
            }
            if (c is { } digit && char.IsAsciiDigit(digit)) return Number();
            if (c is { } letter && char.IsLetter(letter)) return Code();
            throw new FormulaSyntaxException(position, c is null
                ? "Formelen slutter der det skulle stått et tall, en kode eller en parentes."
                : $"Venter et tall, en kode eller en parentes, men finner «{c}».");
        }

        private FormulaNumber Number()
        {
            var position = Column;
            var start = at;
            while (at < text.Length && char.IsAsciiDigit(text[at])) at++;
            if (at + 1 < text.Length && text[at] is ',' or '.' && char.IsAsciiDigit(text[at + 1]))
            {
                at++;
                while (at < text.Length && char.IsAsciiDigit(text[at])) at++;
            }
            if (at < text.Length && char.IsLetter(text[at]))
                throw new FormulaSyntaxException(position, $"«{Word(start)}» er verken et tall eller en kode: en kode begynner med en bokstav.");
            var written = text[start..at].Replace(',', '.');
            if (!decimal.TryParse(written, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                throw new FormulaSyntaxException(position, $"«{text[start..at]}» er et for stort tall.");
            return new FormulaNumber(position, value);
        }

        private FormulaCode Code()
        {
            var position = Column;
            var start = at;
            while (at < text.Length && (char.IsLetterOrDigit(text[at]) || text[at] is '.' or '_')) at++;
            var code = text[start..at];
            if (code.EndsWith('.')) throw new FormulaSyntaxException(position, $"Koden «{code}» slutter med punktum.");
            return new FormulaCode(position, code);
        }

        private string Word(int start)
        {
            var end = start;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '.' or ',' or '_')) end++;
            return text[start..end];
        }

        public void End()
        {
            if (Peek() is { } c)
                throw new FormulaSyntaxException(Column, c == ')'
                    ? "En «)» uten en «(» før seg."
                    : $"Venter «+», «-», «*» eller «/» mellom to ledd, men finner «{c}».");
        }

        private char? Peek()
        {
            while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
            return at < text.Length ? text[at] : null;
        }

        private int Column => at + 1;
    }
}
