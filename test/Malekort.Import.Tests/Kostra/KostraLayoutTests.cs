namespace Malekort.Import.Kostra;

/// <summary>The field tables against SSB's file descriptions (kostra-11F-11CF.md §2).</summary>
public sealed class KostraLayoutTests
{
    public static TheoryData<KostraSkjema, int, int> Lengths => new()
    {
        { KostraSkjema.OkonomiskSosialhjelp, 2024, 324 },
        { KostraSkjema.OkonomiskSosialhjelp, 2025, 338 },
        { KostraSkjema.OkonomiskSosialhjelp, 2026, 338 },
        { KostraSkjema.Kvalifiseringsstonad, 2024, 136 },
        { KostraSkjema.Kvalifiseringsstonad, 2025, 152 },
        { KostraSkjema.Kvalifiseringsstonad, 2026, 152 },
    };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Every_layout_covers_its_record_end_to_end_without_gaps(KostraSkjema skjema, int year, int length)
    {
        var layout = KostraRecordBuilder.LayoutOf(skjema, year);

        Assert.Equal(length, layout.RecordLength);
        Assert.Equal(1, layout.InFileOrder[0].From);
        for (var i = 1; i < layout.InFileOrder.Count; i++) Assert.Equal(layout.InFileOrder[i - 1].To + 1, layout.InFileOrder[i].From);
        Assert.Equal(length, layout.InFileOrder[^1].To);
    }

    [Theory]
    [InlineData(2024, "PERSON_JOURNALNR", 9, 16)]
    [InlineData(2024, "STMND_1", 50, 51)]
    [InlineData(2024, "BIDRAG_JAN", 88, 94)]
    [InlineData(2024, "LAAN_DES", 249, 255)]
    [InlineData(2024, "UTBETDATO", 271, 276)]
    [InlineData(2024, "SANKSJONANDRE", 323, 324)]
    [InlineData(2025, "FODSELSDATO", 9, 16)]
    [InlineData(2025, "PERSON_DUF", 36, 47)]
    [InlineData(2025, "VKLO", 53, 53)]
    [InlineData(2025, "STMND_12", 80, 81)]
    [InlineData(2025, "BIDRAG", 82, 88)]
    [InlineData(2025, "BIDRAG_DES", 250, 256)]
    [InlineData(2025, "LAAN_DES", 257, 263)]
    [InlineData(2025, "VILKARNORSKSAMISKOPPL", 317, 318)]
    [InlineData(2025, "VEDTAKDATO", 319, 326)]
    public void Sosialhjelp_positions_are_ssbs(int year, string field, int from, int to)
    {
        var spec = KostraRecordBuilder.LayoutOf(KostraSkjema.OkonomiskSosialhjelp, year).InFileOrder.Single(f => f.Name == field);

        Assert.Equal((from, to), (spec.From, spec.To));
    }

    [Theory]
    [InlineData(2024, "REG_DATO", 33, 38)]
    [InlineData(2024, "STMND_1", 67, 68)]
    [InlineData(2024, "STATUS", 98, 98)]
    [InlineData(2024, "AVSL_VIKTIGSTE_INNTEKT", 125, 126)]
    [InlineData(2025, "BEGYNT_DATO", 57, 64)]
    [InlineData(2025, "KVP_STONAD", 105, 111)]
    [InlineData(2025, "STATUS", 112, 112)]
    [InlineData(2025, "AVSL_DATO", 113, 120)]
    [InlineData(2025, "SAKSBEHANDLER", 143, 152)]
    [InlineData(2026, "YTELSE_TILTAKSPENGER", 73, 73)]
    public void Kvalifisering_positions_are_ssbs(int year, string field, int from, int to)
    {
        var spec = KostraRecordBuilder.LayoutOf(KostraSkjema.Kvalifiseringsstonad, year).InFileOrder.Single(f => f.Name == field);

        Assert.Equal((from, to), (spec.From, spec.To));
    }

    [Fact]
    public void Shared_fields_have_the_same_id_and_name_in_both_skjema()
    {
        foreach (var field in Enum.GetValues<CommonField>())
        {
            Assert.Equal(field.ToString(), ((SosialhjelpField)(int)field).ToString());
            Assert.Equal(field.ToString(), ((KvalifiseringField)(int)field).ToString());
            Assert.Equal(SosialhjelpLayouts.Y2025[(int)field].Name, KvalifiseringLayouts.Y2025[(int)field].Name);
        }
    }

    [Fact]
    public void A_table_with_a_gap_is_refused_when_built()
    {
        var error = Assert.Throws<InvalidOperationException>(() => KostraLayout.Build(KostraSkjema.OkonomiskSosialhjelp, 2024, 6, 2,
            [(0, new FieldSpec("A", 1, 2, FieldType.Text, false, [])), (1, new FieldSpec("B", 4, 6, FieldType.Text, false, []))]));

        Assert.Contains("B starter i posisjon 4, ventet 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_2025_there_is_no_birth_date_field_and_dates_are_six_wide()
    {
        var layout = SosialhjelpLayouts.Y2024;

        Assert.False(layout.Has((int)SosialhjelpField.Fodselsdato));
        Assert.All(layout.InFileOrder.Where(f => f.Type == FieldType.Date), f => Assert.Equal(6, f.Length));
        Assert.All(SosialhjelpLayouts.Y2025.InFileOrder.Where(f => f.Type == FieldType.Date), f => Assert.Equal(8, f.Length));
    }
}
