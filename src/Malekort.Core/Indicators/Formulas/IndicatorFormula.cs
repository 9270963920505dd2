using Malekort.Confidentiality;

namespace Malekort.Indicators;

/// <summary>
/// A checked formula, ready for the engine (issue 11 item 6): a numerator over counts, and for a share a denominator and a
/// factor (<c>X / Y * 100</c>). Own indicators it names are written out, so every input is a national indicator's numerator or
/// denominator (<see cref="Inputs"/>). A count's value is its numerator; a share's is numerator ÷ denominator × factor, and
/// «ikke beregnet», never 0, when the denominator is 0.
/// </summary>
public sealed class IndicatorFormula
{
    private readonly FormulaTerm numerator;
    private readonly FormulaTerm? denominator;

    internal IndicatorFormula(string text, FormulaTerm numerator, FormulaTerm? denominator, decimal factor, IReadOnlyList<CountOf> inputs)
    {
        Text = text;
        this.numerator = numerator;
        this.denominator = denominator;
        Factor = factor;
        Inputs = inputs;
        NumeratorInputs = [.. numerator.Inputs().Distinct().Order()];
        DenominatorInputs = denominator is null ? [] : [.. denominator.Inputs().Distinct().Order()];
    }

    /// <summary>The formula as typed.</summary>
    public string Text { get; }

    /// <summary>Whether it is a share (a top-level division).</summary>
    public bool IsShare => denominator is not null;

    /// <summary>The share's factor (100 for a percentage); 1 for a count.</summary>
    public decimal Factor { get; }

    /// <summary>The national counts it reads, each once; a term refers to them by index.</summary>
    public IReadOnlyList<CountOf> Inputs { get; }

    /// <summary>The inputs the numerator reads (indices into <see cref="Inputs"/>).</summary>
    public IReadOnlyList<int> NumeratorInputs { get; }

    /// <summary>The inputs the denominator reads (indices into <see cref="Inputs"/>); none for a count.</summary>
    public IReadOnlyList<int> DenominatorInputs { get; }

    /// <summary>The numerator from the inputs' values; null when one it reads is missing.</summary>
    public long? Numerator(ReadOnlySpan<long?> inputs) => numerator.Evaluate(inputs);

    /// <summary>The denominator from the inputs' values: 1 for a count; null when one it reads is missing.</summary>
    public long? Denominator(ReadOnlySpan<long?> inputs) => denominator is null ? 1 : denominator.Evaluate(inputs);
}

/// <summary>A compiled term over the inputs of an <see cref="IndicatorFormula"/>: whole numbers only, so counts stay exact.</summary>
internal abstract record FormulaTerm
{
    public abstract long? Evaluate(ReadOnlySpan<long?> inputs);

    public abstract IEnumerable<int> Inputs();

    public sealed record Constant(long Value) : FormulaTerm
    {
        public override long? Evaluate(ReadOnlySpan<long?> inputs) => Value;
        public override IEnumerable<int> Inputs() => [];
    }

    public sealed record Input(int Index) : FormulaTerm
    {
        public override long? Evaluate(ReadOnlySpan<long?> inputs) => inputs[Index];
        public override IEnumerable<int> Inputs() => [Index];
    }

    public sealed record Negation(FormulaTerm Operand) : FormulaTerm
    {
        public override long? Evaluate(ReadOnlySpan<long?> inputs) => Operand.Evaluate(inputs) is { } v ? checked(-v) : null;
        public override IEnumerable<int> Inputs() => Operand.Inputs();
    }

    public sealed record Binary(char Operator, FormulaTerm Left, FormulaTerm Right) : FormulaTerm
    {
        public override long? Evaluate(ReadOnlySpan<long?> inputs)
        {
            if (Left.Evaluate(inputs) is not { } a || Right.Evaluate(inputs) is not { } b) return null;
            return Operator switch
            {
                '+' => checked(a + b),
                '-' => checked(a - b),
                _ => checked(a * b),
            };
        }

        public override IEnumerable<int> Inputs() => Left.Inputs().Concat(Right.Inputs());
    }
}
