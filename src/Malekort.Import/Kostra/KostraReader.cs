using System.Security.Cryptography;
using System.Text;
using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Import.Pseudonyms;
using Malekort.Periods;
using Malekort.Units;
using static System.FormattableString;

namespace Malekort.Import.Kostra;

/// <summary>
/// Reads a KOSTRA 11F (økonomisk sosialhjelp) or 11CF (kvalifiseringsstønad) file as SSB's control program does
/// (<c>/work/shared/formats/kostra-11F-11CF.md</c>, <c>docs/formats/kostra.md</c>): fixed-width ISO-8859-1 records, every
/// control rule reported with SSB's rule id and severity, and the records mapped to a <see cref="CaptureBatch"/> for the
/// unit and year. A fatal or error finding rejects the whole file; warnings are kept. Fødselsnumre are replaced by keyed
/// pseudonyms before any record is built and are never put in a finding. <see cref="Read(string)"/> never throws.
/// </summary>
/// <param name="pseudonyms">Replaces fødselsnumre.</param>
/// <param name="clock">The import time, which is the batch's extract time: a later delivery of the same year supersedes.</param>
public sealed class KostraReader(Pseudonymizer pseudonyms, TimeProvider clock)
{
    /// <summary>The source system in the batch header.</summary>
    public const string SourceSystem = "KOSTRA";

    /// <summary>Files larger than this are not KOSTRA extracts (a large municipality's 11F is a few MB).</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    // Longer than any record, so the first line's length is known exactly.
    private const int RecogniseBytes = 400;

    /// <summary>
    /// The skjema of a file, from its first line: 324 or 338 characters is 11F, 136 or 152 is 11CF, provided it starts with
    /// a kommune number and VERSION. A single-space "no recipients" file, or a first line of another length, is recognised
    /// only when the file name has an <c>11F</c> or <c>11CF</c> token. Null when neither says so, or the file cannot be read.
    /// </summary>
    public static KostraSkjema? Recognise(string path)
    {
        try
        {
            if (!File.Exists(path)) return null;
            using var stream = File.OpenRead(path);
            var head = new byte[RecogniseBytes];
            var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var end = Array.IndexOf(head, (byte)'\n', 0, length);
            var lineLength = end < 0 ? length : end;
            if (lineLength > 0 && head[lineLength - 1] == (byte)'\r') lineLength--;
            var line = head.AsSpan(0, lineLength);
            if (line.Length >= 6 && AllDigits(line[..6]) && KostraLayouts.SkjemaOfLength(line.Length) is { } skjema) return skjema;
            return KostraFileName.Skjema(Path.GetFileName(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The format a file's batch gets (<c>kostra-11F</c> or <c>kostra-11CF</c>), for logging a rejected file.</summary>
    public static string FormatOf(string path) => (Recognise(path) ?? KostraSkjema.OkonomiskSosialhjelp).FormatName();

    /// <summary>Reads the file at <paramref name="path"/>. Never throws for bad input: every failure is a finding.</summary>
    public ReadResult<CaptureBatch> Read(string path)
    {
        var file = SafeFileName(path);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return Fatal(file, "Filen finnes ikke.");
            if (info.Length > MaxFileBytes)
                return Fatal(file, Invariant($"Filen er {info.Length} byte, mer enn {MaxFileBytes} byte; det er ikke et KOSTRA-uttrekk."));
            return Read(file, File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Fatal(file, $"Filen kunne ikke leses: {e.Message}");
        }
        catch (Exception e) // no input may escape as an exception: whatever went wrong becomes a finding
        {
            return Fatal(file, $"Filen kunne ikke leses på grunn av en uventet feil ({e.GetType().Name}); ingenting er lagret.");
        }
    }

    /// <summary>Reads a file's content; <paramref name="fileName"/> names it in findings (and the single-space file's unit).</summary>
    internal ReadResult<CaptureBatch> Read(string fileName, byte[] content)
    {
        var report = new RuleReport(fileName);
        try
        {
            var batch = ReadContent(fileName, content, report);
            return ReadResult<CaptureBatch>.From(batch, report.Findings()) with { Unit = report.Unit };
        }
        catch (Exception e) // no input may escape as an exception: whatever went wrong becomes a finding
        {
            report.Own(Severity.Fatal, 0, "",
                $"Filen kunne ikke leses på grunn av en uventet feil ({e.GetType().Name}); ingenting er lagret.");
            return ReadResult<CaptureBatch>.Reject(report.Findings()) with { Unit = report.Unit };
        }
    }

    private CaptureBatch? ReadContent(string fileName, byte[] content, RuleReport report)
    {
        if (IsSingleSpace(content)) return NoRecipients(fileName, content, report);

        if (content.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            // Read as ISO-8859-1 the mark is three characters, so every record is too long; say why instead of just how much.
            report.Add(CommonRules.R001, 1, "", "Filen starter med et UTF-8-merke (BOM). KOSTRA-filer er ISO-8859-1 uten slikt merke, "
                + "og med det blir første post tre tegn for lang; lagre filen som ISO-8859-1.");
            return null;
        }

        var lines = Lines(content);
        if (lines.Count == 0)
        {
            report.Add(CommonRules.R000, 0, "",
                "Filen er tom. En fil uten mottakere eller deltakere skal inneholde nøyaktig ett mellomrom.");
            return null;
        }

        var (firstLine, firstText) = lines[0];
        if ((KostraLayouts.SkjemaOfLength(firstText.Length) ?? KostraFileName.Skjema(fileName)) is not { } skjema)
        {
            report.Add(CommonRules.R001, firstLine, "", Invariant($"Første post har {firstText.Length} tegn; en KOSTRA-post i skjema 11F ")
                + $"har {KostraLayouts.LengthsOf(KostraSkjema.OkonomiskSosialhjelp)} tegn og i skjema 11CF "
                + $"{KostraLayouts.LengthsOf(KostraSkjema.Kvalifiseringsstonad)} tegn.");
            return null;
        }

        // VERSION (positions 5–6 in every layout) chooses the layout, as the portal's årgang does for SSB.
        var year = firstText.Length >= 6 ? CommonRules.YearOf(firstText.AsSpan(4, 2)) : null;
        var currentYear = OsloTime.DateOf(clock.GetUtcNow()).Year;
        var layout = year is { } y ? KostraLayouts.For(skjema, y) : null;
        if (layout is null || year > currentYear)
        {
            var shown = firstText.Length >= 6 ? PersonNumbers.Shown(firstText.AsSpan(4, 2)) : "(mangler)";
            report.Add(CommonRules.R004, firstLine, "VERSION", year > currentYear
                ? Invariant($"Oppgaveåret {year} (VERSION {shown}) ligger etter inneværende år {currentYear}.")
                : $"Oppgaveåret (VERSION) er {shown}; leseren kjenner årgangene {KostraLayouts.FirstYear}–{KostraLayouts.LastYear} "
                  + $"av skjema {skjema.Code()}.");
            layout ??= KostraLayouts.ByLength(skjema, firstText.Length);
            if (layout is null)
            {
                report.Add(CommonRules.R001, firstLine, "", Invariant($"Første post har {firstText.Length} tegn; en post i skjema ")
                    + $"{skjema.Code()} har {KostraLayouts.LengthsOf(skjema)} tegn.");
                return null;
            }
        }

        // Rule 001 is FATAL: a record of the wrong length cannot be read field by field, so no further rule runs.
        foreach (var (number, text) in lines) CommonRules.CheckLength(text, number, layout, report);
        if (report.Fatal) return null;

        var records = lines.Select(l => new KostraRecord(l.Text, l.Number, layout)).ToList();
        var context = new RuleContext(layout, year ?? layout.Year, CommonRules.UnitOf(records[0]));
        // A file of one municipality's records is that municipality's even when rejected; one naming several is nobody's.
        if (context.Unit is { } only && UnitRegister.Default.IsKnownCaptureUnit(only) && records.All(r => CommonRules.UnitOf(r) == only))
            report.Unit = only;
        foreach (var record in records)
        {
            if (skjema == KostraSkjema.OkonomiskSosialhjelp) SosialhjelpRules.Check(record, context, report);
            else KvalifiseringRules.Check(record, context, report);
        }
        if (skjema == KostraSkjema.OkonomiskSosialhjelp) SosialhjelpRules.CheckDuplicates(records, report);
        else KvalifiseringRules.CheckDuplicates(records, context, report);
        if (report.Rejects || context.Unit is not { } unit) return null;

        var header = Header(skjema, unit, context.Year);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        if (skjema == KostraSkjema.OkonomiskSosialhjelp)
        {
            var mapping = new SosialhjelpMapping(pseudonyms, context, report);
            foreach (var record in records) mapping.Add(record);
            return report.Rejects ? null : new CaptureBatch(header, hash, mapping.Persons, [SosialhjelpMapping.BenefitTypeEntry],
                mapping.Payments, mapping.Livelihood, mapping.Family, [], [], [], [], [])
            {
                Conditions = mapping.Conditions,
                Exemptions = mapping.Exemptions,
                Sanctions = mapping.Sanctions,
            };
        }
        var kvp = new KvalifiseringMapping(pseudonyms, report);
        foreach (var record in records) kvp.Add(record);
        return report.Rejects ? null : new CaptureBatch(header, hash, kvp.Persons, [], [], [], [], [], [], kvp.Kvp, [], []);
    }

    /// <summary>
    /// Rule 000: a single space means "no recipients". The portal's "has recipients" answer does not exist here, so the file
    /// is accepted as a true zero for its unit and year, which only its name can give (<c>KOSTRA_11F_3107_2025.dat</c>).
    /// </summary>
    private CaptureBatch? NoRecipients(string fileName, byte[] content, RuleReport report)
    {
        if (KostraFileName.Parse(fileName) is not var (skjema, unit, year))
        {
            report.Add(CommonRules.R000, 0, "", "Filen inneholder bare ett mellomrom (ingen mottakere eller deltakere), men navnet "
                + "sier ikke "
                + "hvilket skjema, hvilken kommune og hvilket år den gjelder. Gi filen et navn som KOSTRA_11F_3107_2025.dat "
                + "(skjema, kommune- eller bydelsnummer, årgang).");
            return null;
        }
        var currentYear = OsloTime.DateOf(clock.GetUtcNow()).Year;
        if (UnitRegister.Default.IsKnownCaptureUnit(unit)) report.Unit = unit;
        else
            report.Add(CommonRules.R003, 0, "", $"Filnavnet sier enhet {unit}, som ikke er en kommune eller bydel i SSBs liste.");
        if (KostraLayouts.For(skjema, year) is null || year > currentYear)
            report.Add(CommonRules.R004, 0, "", Invariant($"Filnavnet sier årgang {year}; leseren kjenner årgangene ")
                + Invariant($"{KostraLayouts.FirstYear}–{Math.Min(KostraLayouts.LastYear, currentYear)}."));
        if (report.Rejects) return null;
        // The bytes are the same in every such file, so the hash also covers what the name says; otherwise a second
        // municipality's empty file would look like a re-import of the first and be skipped.
        var named = Encoding.UTF8.GetBytes(Invariant($"\n{skjema.FormatName()}|{unit}|{year}"));
        var hash = Convert.ToHexStringLower(SHA256.HashData([.. content, .. named]));
        return new CaptureBatch(Header(skjema, unit, year), hash, [], skjema == KostraSkjema.OkonomiskSosialhjelp
            ? [SosialhjelpMapping.BenefitTypeEntry] : [], [], [], [], [], [], [], [], []);
    }

    private BatchHeader Header(KostraSkjema skjema, UnitCode unit, int year) => new(skjema.FormatName(), SourceSystem, unit,
        new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), clock.GetUtcNow(),
        skjema == KostraSkjema.OkonomiskSosialhjelp
            ? CaptureDomains.Persons | CaptureDomains.Payments | CaptureDomains.Livelihood | CaptureDomains.Family
              | CaptureDomains.Conditions | CaptureDomains.Exemptions | CaptureDomains.Sanctions | CaptureDomains.YearlySanctions
            : CaptureDomains.Persons | CaptureDomains.Kvp);

    /// <summary>A single space, optionally followed by one line break: SSB's "no recipients" content.</summary>
    private static bool IsSingleSpace(ReadOnlySpan<byte> content) =>
        content.SequenceEqual(" "u8) || content.SequenceEqual(" \n"u8) || content.SequenceEqual(" \r\n"u8);

    /// <summary>
    /// The records as SSB splits them (§1): ISO-8859-1, split on LF, one trailing CR trimmed, empty lines dropped.
    /// Line numbers are physical lines, so a finding points where an editor shows the record.
    /// </summary>
    private static List<(int Number, string Text)> Lines(byte[] content)
    {
        var text = Encoding.Latin1.GetString(content);
        var lines = new List<(int, string)>();
        var number = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            number++;
            var length = end - start;
            if (length > 0 && text[end - 1] == '\r') length--;
            if (length > 0) lines.Add((number, text.Substring(start, length)));
            start = end + 1;
        }
        return lines;
    }

    private static ReadResult<CaptureBatch> Fatal(string file, string message) =>
        ReadResult<CaptureBatch>.Reject([new Finding(Severity.Fatal, file, 0, "", message)]);

    private static string SafeFileName(string? path)
    {
        try
        {
            return Path.GetFileName(path ?? "");
        }
        catch (ArgumentException)
        {
            return path ?? "";
        }
    }

    private static bool AllDigits(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9') return false;
        }
        return true;
    }
}
