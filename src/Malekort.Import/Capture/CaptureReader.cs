using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Import.Pseudonyms;
using Malekort.Units;

namespace Malekort.Import.Capture;

/// <summary>
/// Reads a batch in capture format v1 (<c>docs/capture-format.md</c>): a folder, or a zip of one, holding batch.json and
/// the CSV files. Every rule of the format is checked and every broken one reported; a batch that breaks any is rejected
/// whole. Fødselsnumre are replaced by keyed pseudonyms before any record is built.
/// </summary>
/// <param name="pseudonyms">Replaces fødselsnumre.</param>
/// <param name="units">The register the batch's unit must be in.</param>
/// <param name="clock">The import time, which no extract time or event may come after (the system clock when not given).</param>
public sealed class CaptureReader(Pseudonymizer pseudonyms, UnitRegister units, TimeProvider? clock = null)
{
    /// <summary>The format name in <see cref="BatchHeader.Format"/>.</summary>
    public const string FormatName = "malekort-capture/1";

    /// <summary>Streams every file of a batch, the small ones too (<see cref="BatchFiles.Load"/>): the plain path, for tests.</summary>
    internal bool StreamOnly { get; init; }

    /// <summary>Reads the batch at <paramref name="path"/> (a folder or a <c>.zip</c>). Never throws for bad input.</summary>
    public ReadResult<CaptureBatch> Read(string path) => FindingLog.ReadWhole(path, "Batchen", log => ReadBatch(path, log));

    private CaptureBatch? ReadBatch(string path, FindingLog log)
    {
        // The zip stays open while its files are read, one stream at a time.
        using var files = BatchFiles.Load(path, log, StreamOnly);
        if (files is null) return null;
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var description = BatchJson.Read(files.Get(BatchJson.Name)?.ReadAll(), units, now, log);
        foreach (var name in files.Names)
        {
            if (!CaptureFiles.IsKnown(name))
                log.Warning(FindingLog.Shown(name), 0, "", $"Ukjent fil {FindingLog.Shown(name)} i batchen blir ignorert; "
                    + $"formatet kjenner batch.json, {string.Join(", ", CaptureFiles.Csv.Select(f => f.Name))}.");
        }
        RequireListsFor(files, log);

        var batch = new BatchContext(log, new PersonIndex(pseudonyms), description, now);
        var persons = Read(files, CaptureFiles.Persons, log, c => PersonsFile.Read(batch, c));
        Read(files, CaptureFiles.BenefitTypes, log, c => CodeListFile.Read(batch, batch.BenefitTypes, c, CodeListFile.BenefitCategories));
        var payments = Read(files, CaptureFiles.Payments, log, c => PaymentsFile.Read(batch, c));
        var livelihood = Read(files, CaptureFiles.Livelihood, log, c => LivelihoodFile.Read(batch, c));
        var family = Read(files, CaptureFiles.Family, log, c => FamilyFile.Read(batch, c));
        Read(files, CaptureFiles.CaseTypes, log, c => CodeListFile.Read(batch, batch.CaseTypes, c, CodeListFile.CaseCategories));
        var cases = Read(files, CaptureFiles.Cases, log, c => CasesFile.Read(batch, c));
        var kvp = Read(files, CaptureFiles.Kvp, log, c => KvpFile.Read(batch, c));
        var jobseekers = Read(files, CaptureFiles.Jobseekers, log, c => JobseekersFile.Read(batch, c));
        var followups = Read(files, CaptureFiles.Followups, log, c => FollowupsFile.Read(batch, c));
        var conditions = Read(files, CaptureFiles.Conditions, log, c => ConditionsFile.Read(batch, c));
        var exemptions = Read(files, CaptureFiles.ActivityExemptions, log, c => ActivityExemptionsFile.Read(batch, c));
        var sanctions = Read(files, CaptureFiles.Sanctions, log, c => SanctionsFile.Read(batch, c));

        if (log.Rejects || description is null) return null;
        var domains = CaptureDomains.None;
        foreach (var (name, domain) in CaptureFiles.Csv)
        {
            if (files.Contains(name)) domains |= domain;
        }
        var header = new BatchHeader(FormatName, description.SourceSystem, description.Unit,
            description.PeriodFrom, description.PeriodTo, description.ExtractedAt, domains);
        return new CaptureBatch(header, files.ContentHash, persons, batch.BenefitTypes.Entries, payments, livelihood, family,
            batch.CaseTypes.Entries, cases, kvp, jobseekers, followups)
        {
            Conditions = conditions,
            Exemptions = exemptions,
            Sanctions = sanctions,
        };
    }

    /// <summary>Files that refer to persons or codes need the list they refer to (spec "Cross-file rules").</summary>
    private static void RequireListsFor(BatchFiles files, FindingLog log)
    {
        if (!files.Contains(CaptureFiles.Persons))
        {
            var referring = CaptureFiles.ReferToPersons.Where(files.Contains).ToList();
            if (referring.Count > 0)
                log.Error(CaptureFiles.Persons, 0, "",
                    $"persons.csv mangler, men {string.Join(", ", referring)} viser til personer; hver person må stå i persons.csv.");
        }
        if (files.Contains(CaptureFiles.Payments) && !files.Contains(CaptureFiles.BenefitTypes))
            log.Error(CaptureFiles.BenefitTypes, 0, "",
                "benefit_types.csv mangler, men payments.csv viser til stønadstyper; hver benefit_type må stå i benefit_types.csv.");
        if (files.Contains(CaptureFiles.Cases) && !files.Contains(CaptureFiles.CaseTypes))
            log.Error(CaptureFiles.CaseTypes, 0, "",
                "case_types.csv mangler, men cases.csv viser til sakstyper; hver case_type må stå i case_types.csv.");
    }

    /// <summary>Reads one file if the batch has it; a file that cannot be read is a finding about that file only.</summary>
    private static List<T> Read<T>(BatchFiles files, string name, FindingLog log, Func<BatchFile, List<T>> read)
    {
        if (files.Get(name) is not { } content) return [];
        try
        {
            return read(content);
        }
        catch (Exception e) // a file that breaks the CSV reader is reported, and the other files are still checked
        {
            log.Fatal(name, 0, $"Filen kunne ikke leses ({e.GetType().Name}); sjekk at den er en CSV-fil etter formatbeskrivelsen.");
            return [];
        }
    }

    private static void Read(BatchFiles files, string name, FindingLog log, Action<BatchFile> read) =>
        Read<int>(files, name, log, content =>
        {
            read(content);
            return [];
        });
}
