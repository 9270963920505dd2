using System.Globalization;

namespace Malekort.Import.Kostra;

/// <summary>
/// One skjema's record layout for one reporting year: every field by its id (the skjema's field enum as an index),
/// positions exactly as SSB's file description gives them. Built once; <see cref="Build"/> proves that the fields
/// cover the record end to end with no gap and no overlap, so a typo in a table cannot go unnoticed.
/// </summary>
internal sealed class KostraLayout
{
    private readonly FieldSpec[] fields;

    private KostraLayout(KostraSkjema skjema, int year, int recordLength, FieldSpec[] fields, FieldSpec[] inFileOrder)
    {
        Skjema = skjema;
        Year = year;
        RecordLength = recordLength;
        this.fields = fields;
        InFileOrder = inFileOrder;
    }

    public KostraSkjema Skjema { get; }

    /// <summary>The reporting year (årgang) this table is for.</summary>
    public int Year { get; }

    /// <summary>The exact length of every record (rule 001).</summary>
    public int RecordLength { get; }

    /// <summary>The fields the layout has, by position.</summary>
    public IReadOnlyList<FieldSpec> InFileOrder { get; }

    public FieldSpec this[int field] => fields[field];

    /// <summary>Whether the layout has the field.</summary>
    public bool Has(int field) => fields[field].IsPresent;

    /// <summary>The same layout for another year whose file description only renamed fields (11CF 2025 → 2026).</summary>
    public KostraLayout ForYear(int year, params (int Field, string Name)[] renamed)
    {
        var copy = (FieldSpec[])fields.Clone();
        foreach (var (field, name) in renamed) copy[field] = copy[field] with { Name = name };
        return new KostraLayout(Skjema, year, RecordLength, copy, [.. copy.Where(f => f.IsPresent).OrderBy(f => f.From)]);
    }

    /// <summary>
    /// The 2024 layout this 2025 layout grew out of, by undoing the 2024→2025 changelog (<c>kostra-11F-11CF.md</c> §2.3):
    /// no FODSELSDATO, every date <c>ddMMyy</c> (6 wide) instead of <c>ddMMyyyy</c>, nothing mandatory, and the later fields
    /// moved up to close the gaps. The record length is SSB's, not computed, so <see cref="Build"/> checks the result against it.
    /// </summary>
    public KostraLayout As2024(int recordLength)
    {
        const int birthDate = (int)CommonField.Fodselsdato;
        var rows = new List<(int Field, FieldSpec Spec)>(fields.Length);
        var next = 1;
        foreach (var field in Enumerable.Range(0, fields.Length).OrderBy(f => fields[f].From))
        {
            var spec = fields[field];
            if (field == birthDate)
            {
                rows.Add((field, FieldSpec.Absent(spec.Name)));
                continue;
            }
            if (!spec.IsPresent)
            {
                rows.Add((field, spec));
                continue;
            }
            var width = spec.Type == FieldType.Date ? 6 : spec.Length;
            rows.Add((field, spec with { From = next, To = next + width - 1, Mandatory = false }));
            next += width;
        }
        return Build(Skjema, 2024, recordLength, fields.Length, rows);
    }

    /// <summary>Builds a layout from its rows; every field id of the skjema must appear once, present or absent.</summary>
    /// <exception cref="InvalidOperationException">
    /// The rows leave a gap, overlap, miss a field or do not end at the record length.
    /// </exception>
    public static KostraLayout Build(KostraSkjema skjema, int year, int recordLength, int fieldCount,
        IEnumerable<(int Field, FieldSpec Spec)> rows)
    {
        var fields = new FieldSpec?[fieldCount];
        foreach (var (field, spec) in rows)
        {
            if (fields[field] is not null) throw Broken(skjema, year, $"feltet {spec.Name} står to ganger");
            fields[field] = spec;
        }
        for (var i = 0; i < fieldCount; i++)
        {
            if (fields[i] is null) throw Broken(skjema, year, $"felt nummer {i} mangler");
        }
        var complete = fields.Select(f => f!).ToArray();
        var ordered = complete.Where(f => f.IsPresent).OrderBy(f => f.From).ToArray();
        var next = 1;
        foreach (var spec in ordered)
        {
            if (spec.From != next) throw Broken(skjema, year, $"{spec.Name} starter i posisjon {spec.From}, ventet {next}");
            if (spec.Type == FieldType.Date && spec.Length is not (6 or 8))
                throw Broken(skjema, year, $"datofeltet {spec.Name} er {spec.Length} tegn");
            next = spec.To + 1;
        }
        if (next - 1 != recordLength) throw Broken(skjema, year, $"feltene slutter i posisjon {next - 1}, posten er {recordLength} tegn");
        return new KostraLayout(skjema, year, recordLength, complete, ordered);
    }

    private static InvalidOperationException Broken(KostraSkjema skjema, int year, string why) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Feltbeskrivelsen for {skjema.Code()} {year} er feil: {why}."));
}
