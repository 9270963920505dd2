using Malekort.Capture;

namespace Malekort.Import.Capture;

/// <summary>family.csv: a person's family members.</summary>
internal static class FamilyFile
{
    private static readonly Choices<FamilyRelation> Relations = new([.. CaptureCodes.FamilyRelations]);

    public static List<FamilyRecord> Read(BatchContext batch, BatchFile content)
    {
        var records = new List<FamilyRecord>();
        using var table = batch.Open(CaptureFiles.Family, content, ["member_id", "relation"],
            ["member_birth_date", "calculation_percent", "provider_duty", "in_household", "valid_from", "valid_to"]);
        if (table is null) return records;
        var person = batch.Persons.Resolve(table);
        var memberId = table.Column("member_id");
        var relation = table.Column("relation");
        var memberBirthDate = table.Column("member_birth_date");
        var calculationPercent = table.Column("calculation_percent");
        var providerDuty = table.Column("provider_duty");
        var inHousehold = table.Column("in_household");
        var validFrom = table.Column("valid_from");
        var validTo = table.Column("valid_to");
        foreach (var row in table)
        {
            var key = person.Reference(row);
            string? member = null;
            if (row.TryValue(memberId, required: true, out var text))
            {
                // member_id should be pseudonymous; a fødselsnummer put there anyway is replaced, never stored.
                member = batch.Persons.Identifier(text.ToString());
            }
            var kind = row.Choice(relation, required: true, Relations);
            // The column is optional, so its absence was not reported at the header; a child still needs it.
            if (kind == FamilyRelation.Barn && !memberBirthDate.Present)
                row.Error(memberBirthDate.Name, "member_birth_date mangler; kolonnen er påkrevd når relation er BARN.");
            var born = row.Date(memberBirthDate, required: kind == FamilyRelation.Barn);
            var percent = row.Integer(calculationPercent, required: false, 0, 100);
            var duty = row.Boolean(providerDuty, required: false);
            var household = row.Boolean(inHousehold, required: false);
            var from = row.Date(validFrom, required: false);
            var to = row.Date(validTo, required: false);
            row.InOrder(validFrom, from, validTo, to);
            if (row.Failed || key is null || member is null || kind is null) continue;
            records.Add(new FamilyRecord(key, member, kind.Value, born, percent, duty, household, from, to));
        }
        return records;
    }
}
