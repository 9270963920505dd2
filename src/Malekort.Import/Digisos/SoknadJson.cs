using System.Text.Json;
using Malekort.Import.Capture;

namespace Malekort.Import.Digisos;

/// <summary>
/// What the søknad itself (<c>soknad.json</c>, digisos.md §2) adds to digisos-soker.json, which holds no personal data:
/// who applied, their birth date, and which municipality and office received it. Everything else in it is
/// application-time self-report (family, income) and is not read (docs/formats/digisos.md, "What Digisos cannot give").
/// </summary>
internal sealed class SoknadJson
{
    public const string File = DigisosFiles.SoknadName;

    /// <summary><c>data.personalia.personIdentifikator</c>: fødselsnummer or D-nummer.</summary>
    public Located? PersonIdentifikator { get; private init; }

    /// <summary><c>data.personalia.fodselsdato</c> (since 2024-07, §2.1), when it is a valid date.</summary>
    public DateOnly? Fodselsdato { get; private init; }

    public int FodselsdatoLine { get; private init; }

    public Located? Kommunenummer { get; private init; }

    public Located? Enhetsnummer { get; private init; }

    /// <summary>Reads the fields; <c>null</c> (with an error) when the file is not a JSON object.</summary>
    public static SoknadJson? Read(JsonTreeNode root, FindingLog log, FindingTally tally)
    {
        if (!root.IsObject)
        {
            log.Error(File, root.Line, "", $"soknad.json er {root.KindName}, ikke et JSON-objekt som søknaden fra NAV.");
            return null;
        }
        var personalia = root["data"] is { IsObject: true } data && data["personalia"] is { IsObject: true } p ? p : null;
        var mottaker = root["mottaker"] is { IsObject: true } m ? m : null;
        DateOnly? birth = null;
        var birthLine = 0;
        if (personalia?["fodselsdato"] is { } birthNode && Value(birthNode) is { } birthText)
        {
            birthLine = birthNode.Line;
            if (birthText.Kind == JsonValueKind.String && DigisosValues.TryDate(birthText.Text, out var date) == DateProblem.None)
                birth = date;
            else if (birthText.Kind == JsonValueKind.Null) birthLine = 0;
            else
                tally.Warning(birthNode.Line, "fodselsdato",
                    $"personalia.fodselsdato {FindingLog.Shown(birthText.Text)} er ikke en gyldig dato (ÅÅÅÅ-MM-DD); "
                    + "feltet blir ignorert.");
        }
        return new SoknadJson
        {
            PersonIdentifikator = personalia?["personIdentifikator"] is { } id && Value(id) is { } idText
                ? DigisosEnvelope.TextValue(idText, "personIdentifikator", File, tally)
                : null,
            Fodselsdato = birth,
            FodselsdatoLine = birthLine,
            Kommunenummer = mottaker is null ? null : DigisosEnvelope.Text(mottaker, "kommunenummer", File, tally),
            Enhetsnummer = mottaker is null ? null : DigisosEnvelope.Text(mottaker, "enhetsnummer", File, tally),
        };
    }

    /// <summary>Most leaves are <c>{kilde, verdi}</c> (§2); older or hand-made files have the bare value.</summary>
    private static JsonTreeNode? Value(JsonTreeNode node) => node.IsObject ? node["verdi"] : node;
}
