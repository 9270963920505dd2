using System.Collections.Frozen;
using System.Globalization;
using Malekort.Confidentiality;

namespace Malekort.Indicators;

/// <summary>
/// Checks own indicators as typed (issue 11 item 6) and compiles them into declarations the engine computes beside the
/// national ones. The shape of a formula is the decision in <c>docs/decisions.md</c> («Egne indikatorer»): a top-level
/// <c>X / Y</c>, optionally times a number, is a share with numerator X and denominator Y; a division anywhere else is refused,
/// since its denominator can be 0 in some unit and month and the whole value would then have no meaning.
/// </summary>
public static class OwnIndicators
{
    /// <summary>SSB's population 18–66 (B.101's denominator).</summary>
    public const string Adults = "BEF.18_66";

    /// <summary>SSB's population 18–24 (B.103's denominator).</summary>
    public const string Young = "BEF.18_24";

    /// <summary>One side of a share: <c>B10.TELLER</c>, <c>B10.NEVNER</c>.</summary>
    public const string NumeratorSuffix = ".TELLER";

    /// <inheritdoc cref="NumeratorSuffix"/>
    public const string DenominatorSuffix = ".NEVNER";

    /// <summary>The longest code, name, unit of measure and description.</summary>
    public const int MaxCode = 30, MaxName = 120, MaxMeasure = 40, MaxDescription = 1000;

    private static readonly FrozenDictionary<string, CountOf> Populations = new Dictionary<string, CountOf>(StringComparer.OrdinalIgnoreCase)
    {
        [Adults] = new("B.101", ValuePart.Denominator),
        [Young] = new("B.103", ValuePart.Denominator),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, IndicatorDefinition> National =
        IndicatorCatalog.All.ToFrozenDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Every problem with <paramref name="candidate"/> as typed, field by field: the code (free, well-formed), the texts, and the
    /// formula (syntax, unknown codes, circular references, divisions), each with its column. Own indicators it may name are those
    /// of <paramref name="stored"/> its owner may see; a stored one with the same code is the one it replaces.
    /// </summary>
    public static IReadOnlyList<FormulaError> Check(OwnIndicator candidate, IReadOnlyList<OwnIndicator> stored)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(stored);
        var errors = new List<FormulaError>();
        CheckCode(candidate, stored, errors);
        if (string.IsNullOrWhiteSpace(candidate.Name)) errors.Add(new("navn", 0, "Skriv et navn."));
        else if (candidate.Name.Length > MaxName) errors.Add(new("navn", 0, $"Navnet er lengre enn {MaxName} tegn."));
        if (candidate.Description.Length > MaxDescription) errors.Add(new("beskrivelse", 0, $"Beskrivelsen er lengre enn {MaxDescription} tegn."));
        if (string.IsNullOrWhiteSpace(candidate.Measure)) errors.Add(new("maleenhet", 0, "Skriv måleenheten, for eksempel «prosent» eller «personer»."));
        else if (candidate.Measure.Length > MaxMeasure) errors.Add(new("maleenhet", 0, $"Måleenheten er lengre enn {MaxMeasure} tegn."));
        var visible = stored.Where(o => !o.Code.Equals(candidate.Code, StringComparison.OrdinalIgnoreCase)
            && (o.Owner == candidate.Owner || o.SharedWith.Contains(candidate.Owner))).Append(candidate).ToList();
        var compiler = new Compiler(visible);
        compiler.Compile(candidate.Code);
        errors.AddRange(compiler.ErrorsOf(candidate.Code));
        return errors;
    }

    /// <summary>
    /// The declarations of the stored own indicators, in code order, for the engine. One whose formula no longer checks (a count it
    /// names has gone) is left out, with its problem in <paramref name="problems"/>: it is not computed rather than computed wrongly.
    /// </summary>
    public static IReadOnlyList<IndicatorDefinition> Compile(IReadOnlyList<OwnIndicator> stored, out IReadOnlyList<(string Code, FormulaError Error)> problems)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var compiler = new Compiler(stored);
        var definitions = new List<IndicatorDefinition>();
        var found = new List<(string, FormulaError)>();
        foreach (var own in stored.OrderBy(o => o.Code, StringComparer.Ordinal))
        {
            var formula = compiler.Compile(own.Code);
            var errors = compiler.ErrorsOf(own.Code);
            if (formula is null || errors.Count > 0)
            {
                found.AddRange(errors.Select(e => (own.Code, e)));
                continue;
            }
            definitions.Add(Declare(own, formula, compiler.Sides(own.Code)));
        }
        problems = found;
        return definitions;
    }

    /// <summary>The declarations of the stored own indicators that check; see the overload with problems.</summary>
    public static IReadOnlyList<IndicatorDefinition> Compile(IReadOnlyList<OwnIndicator> stored) => Compile(stored, out _);

    /// <summary>The codes of the stored own indicators whose formula names <paramref name="code"/>: it cannot be removed while they do.</summary>
    public static IReadOnlyList<string> UsedBy(string code, IReadOnlyList<OwnIndicator> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return [.. stored.Where(o => !o.Code.Equals(code, StringComparison.OrdinalIgnoreCase) && FormulaSyntax.Parse(o.Formula).Tree is { } tree
            && Codes(tree).Any(c => Split(c).Stem.Equals(code, StringComparison.OrdinalIgnoreCase))).Select(o => o.Code)];
    }

    private static IEnumerable<string> Codes(FormulaNode node) => node switch
    {
        FormulaCode c => [c.Code],
        FormulaNegation n => Codes(n.Operand),
        FormulaBinary b => Codes(b.Left).Concat(Codes(b.Right)),
        _ => [],
    };

    private static IndicatorDefinition Declare(OwnIndicator own, IndicatorFormula formula, (string Numerator, string Denominator) sides)
    {
        var kind = !formula.IsShare ? ValueKind.Count : formula.Factor == 100 ? ValueKind.Percent : ValueKind.Mean;
        return new IndicatorDefinition(own.Code, own.Name, sides.Numerator, sides.Denominator, kind, own.Direction, IndicatorSource.Own)
        {
            Formula = formula,
            Own = own,
            Factor = kind == ValueKind.Mean ? formula.Factor : 1,
        };
    }

    private static void CheckCode(OwnIndicator candidate, IReadOnlyList<OwnIndicator> stored, List<FormulaError> errors)
    {
        var code = candidate.Code;
        if (string.IsNullOrWhiteSpace(code)) { errors.Add(new("kode", 0, "Skriv en kode, for eksempel «EGEN.LANGTID».")); return; }
        if (code.Length > MaxCode) { errors.Add(new("kode", 0, $"Koden er lengre enn {MaxCode} tegn.")); return; }
        if (!char.IsLetter(code[0]) || !code.All(c => char.IsLetterOrDigit(c) || c is '.' or '_') || code.EndsWith('.'))
        {
            errors.Add(new("kode", 0, $"Koden «{code}» må begynne med en bokstav og ha bare bokstaver, sifre, punktum og understrek."));
            return;
        }
        if (National.ContainsKey(code) || Populations.ContainsKey(code))
            errors.Add(new("kode", 0, $"Koden «{code}» er en nasjonal indikator eller en befolkning. Velg en annen, for eksempel «EGEN.{code}»."));
        else if (code.EndsWith(NumeratorSuffix, StringComparison.OrdinalIgnoreCase) || code.EndsWith(DenominatorSuffix, StringComparison.OrdinalIgnoreCase))
            errors.Add(new("kode", 0, $"Koden kan ikke slutte på «{NumeratorSuffix}» eller «{DenominatorSuffix}»: det er navnene på sidene i en andel."));
        else if (stored.FirstOrDefault(o => o.Code.Equals(code, StringComparison.OrdinalIgnoreCase)) is { } taken && taken.Owner != candidate.Owner)
            errors.Add(new("kode", 0, $"Koden «{taken.Code}» er allerede brukt av en annen enhet. Velg en annen."));
        else if (stored.FirstOrDefault(o => o.Code.Equals(code, StringComparison.OrdinalIgnoreCase)) is { } same && same.Code != code)
            errors.Add(new("kode", 0, $"Koden «{same.Code}» finnes alt; skriv den med de samme store og små bokstavene for å endre den."));
    }

    /// <summary>Compiles formulas by code, each once, following references to other own indicators and refusing cycles.</summary>
    private sealed class Compiler(IReadOnlyList<OwnIndicator> owns)
    {
        private readonly Dictionary<string, OwnIndicator> byCode = owns.ToDictionary(o => o.Code, StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, IndicatorFormula?> compiled = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<FormulaError>> errors = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, (string, string)> sides = new(StringComparer.OrdinalIgnoreCase);

        public IReadOnlyList<FormulaError> ErrorsOf(string code) => errors.GetValueOrDefault(code) ?? [];

        public (string Numerator, string Denominator) Sides(string code) => sides[code];

        public IndicatorFormula? Compile(string code)
        {
            if (compiled.TryGetValue(code, out var done)) return done;
            var own = byCode[code];
            var found = new List<FormulaError>();
            errors[code] = found;
            var (tree, syntax) = FormulaSyntax.Parse(own.Formula);
            IndicatorFormula? formula = null;
            if (syntax is not null) found.Add(syntax);
            else
            {
                var context = new Context(this, [own.Code], found);
                var (numerator, denominator, factor) = Shape(tree!, found);
                var n = context.Term(numerator);
                var d = denominator is null ? null : context.Term(denominator);
                // A written 0 only: a refused code also compiles to 0, and its own message says what is wrong.
                if (denominator is FormulaNumber { Value: 0 }) found.Add(new("formel", denominator.Position, "Formelen deler på 0."));
                if (found.Count == 0) formula = new IndicatorFormula(own.Formula, n, d, factor, context.Inputs);
                sides[code] = (Render(numerator), denominator is null ? "1 (antall)" : Render(denominator));
            }
            compiled[code] = formula;
            return formula;
        }

        /// <summary>
        /// The top of the tree as numerator, denominator and factor: <c>X / Y</c>, <c>X / Y * k</c>, <c>k * X / Y</c> are shares;
        /// anything else is a count.
        /// </summary>
        private static (FormulaNode Numerator, FormulaNode? Denominator, decimal Factor) Shape(FormulaNode tree, List<FormulaError> found)
        {
            var factor = 1m;
            var node = tree;
            if (node is FormulaBinary { Operator: '*' } product)
            {
                if (product.Left is FormulaBinary { Operator: '/' } && product.Right is FormulaNumber k) (node, factor) = (product.Left, k.Value);
                else if (product.Right is FormulaBinary { Operator: '/' } && product.Left is FormulaNumber k2) (node, factor) = (product.Right, k2.Value);
            }
            if (node is not FormulaBinary { Operator: '/' } division) return (tree, null, 1m);
            var numerator = division.Left;
            if (numerator is FormulaBinary { Operator: '*', Left: FormulaNumber k3 } p1) (numerator, factor) = (p1.Right, factor * k3.Value);
            else if (numerator is FormulaBinary { Operator: '*', Right: FormulaNumber k4 } p2) (numerator, factor) = (p2.Left, factor * k4.Value);
            if (factor <= 0) found.Add(new("formel", tree.Position, "Faktoren i en andel må være større enn 0."));
            return (numerator, division.Right, factor);
        }

        /// <summary>Resolves one formula's codes into inputs, collecting its problems.</summary>
        private sealed class Context(Compiler compiler, List<string> path, List<FormulaError> found)
        {
            private readonly Dictionary<CountOf, int> indices = [];

            public List<CountOf> Inputs { get; } = [];

            public FormulaTerm Term(FormulaNode node)
            {
                switch (node)
                {
                    case FormulaNumber number:
                        if (number.Value != decimal.Truncate(number.Value))
                        {
                            found.Add(new("formel", number.Position,
                                $"Bare hele tall kan stå i en telling. Et desimaltall som {Format(number.Value)} kan bare være faktoren i en andel («X / Y * {Format(number.Value)}»)."));
                            return new FormulaTerm.Constant(0);
                        }
                        return new FormulaTerm.Constant((long)number.Value);
                    case FormulaNegation negation:
                        return new FormulaTerm.Negation(Term(negation.Operand));
                    case FormulaBinary { Operator: '/' } division:
                        found.Add(new("formel", division.Position,
                            "Deling er bare lov øverst i formelen, som «teller / nevner» (eventuelt «* 100»). En deling inne i et ledd "
                            + "kan dele på en telling som er 0 i en enhet og måned, og da har verdien ingen mening."));
                        return new FormulaTerm.Constant(0);
                    case FormulaBinary binary:
                        return new FormulaTerm.Binary(binary.Operator, Term(binary.Left), Term(binary.Right));
                    case FormulaCode code:
                        return Code(code);
                    default:
                        throw new ArgumentOutOfRangeException(nameof(node));
                }
            }

            private FormulaTerm Code(FormulaCode node)
            {
                var code = node.Code;
                if (Populations.TryGetValue(code, out var population)) return Input(population);
                var (stem, part, suffixed) = Split(code);
                if (National.TryGetValue(stem, out var national))
                {
                    if (!suffixed && national.Kind != ValueKind.Count)
                        return Refused(node, $"«{national.Code}» er en andel, ikke en telling. Skriv «{national.Code}{NumeratorSuffix}» eller «{national.Code}{DenominatorSuffix}».");
                    if (suffixed && part == ValuePart.Denominator && national.Kind == ValueKind.Count)
                        return Refused(node, $"«{national.Code}» er et antall og har ingen nevner. Skriv «{national.Code}».");
                    return Input(new CountOf(national.Code, part));
                }
                if (compiler.byCode.TryGetValue(stem, out var own)) return Own(node, own, part, suffixed);
                var known = IndicatorCatalog.All.Select(d => d.Code).Concat(compiler.byCode.Keys).Concat(Populations.Keys);
                var nearest = known.Select(k => (k, Distance: Units.CodeDistance.Between(stem, k)))
                    .Where(x => x.Distance <= Math.Max(2, stem.Length / 2)).OrderBy(x => x.Distance).ThenBy(x => x.k, StringComparer.Ordinal)
                    .Take(3).Select(x => $"«{x.k}»").ToList();
                return Refused(node, $"Ukjent kode «{code}»." + (nearest.Count > 0 ? $" Mente du {string.Join(", ", nearest)}?" : "")
                    + " Formelen kan bruke nasjonale tellinger (for eksempel BL151), sidene i en andel (B10.TELLER, B10.NEVNER), befolkningen ("
                    + $"{Adults}, {Young}) og egne indikatorer.");
            }

            private FormulaTerm Own(FormulaCode node, OwnIndicator own, ValuePart part, bool suffixed)
            {
                if (path.Contains(own.Code, StringComparer.OrdinalIgnoreCase))
                    return Refused(node, $"Sirkulær referanse: {string.Join(" → ", path.Append(own.Code))}. En indikator kan ikke bygge på seg selv.");
                var (tree, syntax) = FormulaSyntax.Parse(own.Formula);
                if (syntax is not null) return Refused(node, $"«{own.Code}» har en feil i sin egen formel ({syntax}).");
                var (numerator, denominator, _) = Shape(tree!, []);
                if (!suffixed && denominator is not null)
                    return Refused(node, $"«{own.Code}» er en andel, ikke en telling. Skriv «{own.Code}{NumeratorSuffix}» eller «{own.Code}{DenominatorSuffix}».");
                if (suffixed && part == ValuePart.Denominator && denominator is null)
                    return Refused(node, $"«{own.Code}» er et antall og har ingen nevner. Skriv «{own.Code}».");
                // The referenced formula is written out here over this formula's inputs; its own problems are reported at the reference.
                var inner = new List<FormulaError>();
                var context = new Context(compiler, [.. path, own.Code], inner);
                var term = context.Term(part == ValuePart.Denominator ? denominator! : numerator);
                if (inner.Count > 0)
                {
                    var cycle = inner.FirstOrDefault(e => e.Message.StartsWith("Sirkulær", StringComparison.Ordinal));
                    return Refused(node, cycle?.Message ?? $"«{own.Code}» kan ikke brukes: {inner[0].Message}");
                }
                return Rebase(term, context);
            }

            /// <summary>A term of an inner context, its inputs renumbered into this one's.</summary>
            private FormulaTerm Rebase(FormulaTerm term, Context inner) => term switch
            {
                FormulaTerm.Input input => Input(inner.Inputs[input.Index]),
                FormulaTerm.Negation n => new FormulaTerm.Negation(Rebase(n.Operand, inner)),
                FormulaTerm.Binary b => new FormulaTerm.Binary(b.Operator, Rebase(b.Left, inner), Rebase(b.Right, inner)),
                _ => term,
            };

            private FormulaTerm.Input Input(CountOf count)
            {
                if (!indices.TryGetValue(count, out var index))
                {
                    index = Inputs.Count;
                    indices[count] = index;
                    Inputs.Add(count);
                }
                return new FormulaTerm.Input(index);
            }

            private FormulaTerm.Constant Refused(FormulaCode node, string message)
            {
                found.Add(new("formel", node.Position, message));
                return new FormulaTerm.Constant(0);
            }
        }
    }

    private static (string Stem, ValuePart Part, bool Suffixed) Split(string code)
    {
        if (code.EndsWith(NumeratorSuffix, StringComparison.OrdinalIgnoreCase)) return (code[..^NumeratorSuffix.Length], ValuePart.Numerator, true);
        if (code.EndsWith(DenominatorSuffix, StringComparison.OrdinalIgnoreCase)) return (code[..^DenominatorSuffix.Length], ValuePart.Denominator, true);
        return (code, ValuePart.Numerator, false);
    }

    private static string Format(decimal value) => value.ToString(CultureInfo.GetCultureInfo("nb-NO"));

    /// <summary>A side of a formula written back as text, for the scorecard's «teller» and «nevner».</summary>
    internal static string Render(FormulaNode node) => node switch
    {
        FormulaNumber n => Format(n.Value),
        FormulaCode c => c.Code,
        FormulaNegation g => $"-{Wrap(g.Operand, 3)}",
        FormulaBinary b => $"{Wrap(b.Left, Precedence(b))} {b.Operator} {Wrap(b.Right, Precedence(b) + (b.Operator is '-' or '/' ? 1 : 0))}",
        _ => "",
    };

    private static int Precedence(FormulaNode node) => node switch
    {
        FormulaBinary { Operator: '+' or '-' } => 1,
        FormulaBinary => 2,
        _ => 3,
    };

    private static string Wrap(FormulaNode node, int context) => Precedence(node) < context ? $"({Render(node)})" : Render(node);
}
