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

    /// <summary>
    /// Reads every file as it reads a large one, opened again for each pass (<see cref="KostraSource"/>), however small; for
    /// tests, which compare the two ways.
    /// </summary>
    internal bool StreamOnly { get; init; }

    /// <summary>How much of a streamed file is read at a time; smaller only in tests, to cut records across reads.</summary>
    internal int StreamBufferBytes { get; init; } = KostraSource.FileBufferBytes;

    /// <summary>
    /// Reads the file at <paramref name="path"/>. Never throws for bad input: every failure is a finding. A file of at most
    /// <see cref="Capture.BatchFile.WholeFileBytes"/> is read once and held; a larger one is read in passes of fixed memory.
    /// </summary>
    public ReadResult<CaptureBatch> Read(string path)
    {
        var file = SafeFileName(path);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return Fatal(file, "Filen finnes ikke.");
            if (info.Length > MaxFileBytes)
                return Fatal(file, Invariant($"Filen er {info.Length} byte, mer enn {MaxFileBytes} byte; det er ikke et KOSTRA-uttrekk."));
            return info.Length <= Capture.BatchFile.WholeFileBytes && !StreamOnly
                ? Read(file, File.ReadAllBytes(path))
                : Read(file, KostraSource.OnDisk(path, info.Length, StreamBufferBytes));
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
    internal ReadResult<CaptureBatch> Read(string fileName, byte[] content) => Read(fileName, KostraSource.InMemory(content));

    private ReadResult<CaptureBatch> Read(string fileName, KostraSource source)
    {
        var report = new RuleReport(fileName);
        try
        {
            var batch = ReadContent(fileName, source, report);
            return ReadResult<CaptureBatch>.From(batch, report.Findings()) with { Unit = report.Unit };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            report.Own(Severity.Fatal, 0, "", $"Filen kunne ikke leses: {e.Message}");
            return ReadResult<CaptureBatch>.Reject(report.Findings()) with { Unit = report.Unit };
        }
        catch (Exception e) // no input may escape as an exception: whatever went wrong becomes a finding
        {
            report.Own(Severity.Fatal, 0, "",
                $"Filen kunne ikke leses på grunn av en uventet feil ({e.GetType().Name}); ingenting er lagret.");
            return ReadResult<CaptureBatch>.Reject(report.Findings()) with { Unit = report.Unit };
        }
    }

    /// <summary>
    /// SSB's order of findings, in passes over the file so it is never held (issue 13): rule 001 on every record first (FATAL:
    /// one wrong length stops the rest), then every record's rules, then the duplicates (005A, 005B) in line order, and only
    /// for a file nothing rejects, the mapping. Each pass reads the records again, in a buffer of fixed size.
    /// </summary>
    private CaptureBatch? ReadContent(string fileName, KostraSource source, RuleReport report)
    {
        var head = source.Head(4);
        if (source.Length <= 3 && IsSingleSpace(head)) return NoRecipients(fileName, head, report);

        if (head.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            // Read as ISO-8859-1 the mark is three characters, so every record is too long; say why instead of just how much.
            report.Add(CommonRules.R001, 1, "", "Filen starter med et UTF-8-merke (BOM). KOSTRA-filer er ISO-8859-1 uten slikt merke, "
                + "og med det blir første post tre tegn for lang; lagre filen som ISO-8859-1.");
            return null;
        }

        // Pass 1: the layout from the first record, and rule 001 on every record.
        using var firstHash = source.MayChange ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        KostraLayout layout;
        int? year;
        KostraSkjema skjema;
        using (var lines = source.Lines(firstHash))
        {
            if (!lines.Next())
            {
                report.Add(CommonRules.R000, 0, "",
                    "Filen er tom. En fil uten mottakere eller deltakere skal inneholde nøyaktig ett mellomrom.");
                return null;
            }

            var firstLine = lines.Number;
            var firstLength = lines.Length;
            var firstText = lines.Text.Span;
            var shownLength = Invariant($"{firstLength}");
            if ((KostraLayouts.SkjemaOfLength(FirstLength(firstLength)) ?? KostraFileName.Skjema(fileName)) is not { } known)
            {
                report.Add(CommonRules.R001, firstLine, "", $"Første post har {shownLength} tegn; en KOSTRA-post i skjema 11F "
                    + $"har {KostraLayouts.LengthsOf(KostraSkjema.OkonomiskSosialhjelp)} tegn og i skjema 11CF "
                    + $"{KostraLayouts.LengthsOf(KostraSkjema.Kvalifiseringsstonad)} tegn.");
                return null;
            }
            skjema = known;

            // VERSION (positions 5–6 in every layout) chooses the layout, as the portal's årgang does for SSB.
            year = firstLength >= 6 ? CommonRules.YearOf(firstText.Slice(4, 2)) : null;
            var currentYear = OsloTime.DateOf(clock.GetUtcNow()).Year;
            var chosen = year is { } y ? KostraLayouts.For(skjema, y) : null;
            if (chosen is null || year > currentYear)
            {
                var shown = firstLength >= 6 ? PersonNumbers.Shown(firstText.Slice(4, 2)) : "(mangler)";
                report.Add(CommonRules.R004, firstLine, "VERSION", year > currentYear
                    ? Invariant($"Oppgaveåret {year} (VERSION {shown}) ligger etter inneværende år {currentYear}.")
                    : $"Oppgaveåret (VERSION) er {shown}; leseren kjenner årgangene {KostraLayouts.FirstYear}–{KostraLayouts.LastYear} "
                      + $"av skjema {skjema.Code()}.");
                chosen ??= KostraLayouts.ByLength(skjema, FirstLength(firstLength));
                if (chosen is null)
                {
                    report.Add(CommonRules.R001, firstLine, "", $"Første post har {shownLength} tegn; en post i skjema "
                        + $"{skjema.Code()} har {KostraLayouts.LengthsOf(skjema)} tegn.");
                    return null;
                }
            }
            layout = chosen;

            // Rule 001 is FATAL: a record of the wrong length cannot be read field by field, so no further rule runs.
            do CommonRules.CheckLength(lines.Length, lines.FirstTab, lines.Number, layout, report);
            while (lines.Next());
        }
        if (report.Fatal) return null;
        var hash = firstHash?.GetHashAndReset() ?? source.HashOfContent()!;

        // Pass 2: every record's rules, and the keys the duplicate rules compare.
        RuleContext? context = null;
        var sameUnit = true;
        Duplicates[] duplicates = [];
        if (!ForEachRecord(source, layout, hash, report, (in KostraRecord record) =>
            {
                if (context is null)
                {
                    context = new RuleContext(layout, year ?? layout.Year, CommonRules.UnitOf(record));
                    duplicates = skjema == KostraSkjema.OkonomiskSosialhjelp
                        ? SosialhjelpRules.DuplicateRules()
                        : KvalifiseringRules.DuplicateRules(context);
                    // Every record is the layout's length and a line break: the file's size says how many there are.
                    foreach (var rule in duplicates) rule.Expect((int)Math.Min(source.Length / (layout.RecordLength + 1), int.MaxValue));
                }
                else if (sameUnit && CommonRules.UnitOf(record) != context.Unit) sameUnit = false;
                if (skjema == KostraSkjema.OkonomiskSosialhjelp) SosialhjelpRules.Check(record, context, report);
                else KvalifiseringRules.Check(record, context, report);
                foreach (var rule in duplicates) rule.Count(record);
            }))
            return null;
        // A file of one municipality's records is that municipality's even when rejected; one naming several is nobody's.
        if (context!.Unit is { } only && UnitRegister.Default.IsKnownCaptureUnit(only) && sameUnit) report.Unit = only;

        // Only when two records' keys may be equal are the records read again for the keys themselves.
        if (duplicates.Any(d => d.NeedsKeys)
            && !ForEachRecord(source, layout, hash, report, (in KostraRecord record) =>
            {
                foreach (var rule in duplicates) rule.Collect(record);
            }))
            return null;
        foreach (var rule in duplicates) rule.Report(report);
        if (report.Rejects || context.Unit is not { } unit) return null;

        // Pass 3: the mapping, of a file no rule rejects.
        var header = Header(skjema, unit, context.Year);
        var contentHash = Convert.ToHexStringLower(hash);
        if (skjema == KostraSkjema.OkonomiskSosialhjelp)
        {
            var mapping = new SosialhjelpMapping(pseudonyms, context, report);
            if (!ForEachRecord(source, layout, hash, report, mapping.Add)) return null;
            return report.Rejects ? null : new CaptureBatch(header, contentHash, mapping.Persons, [SosialhjelpMapping.BenefitTypeEntry],
                mapping.Payments, mapping.Livelihood, mapping.Family, [], [], [], [], [])
            {
                Conditions = mapping.Conditions,
                Exemptions = mapping.Exemptions,
                Sanctions = mapping.Sanctions,
            };
        }
        var kvp = new KvalifiseringMapping(pseudonyms, report);
        if (!ForEachRecord(source, layout, hash, report, kvp.Add)) return null;
        return report.Rejects ? null : new CaptureBatch(header, contentHash, kvp.Persons, [], [], [], [], [], [], kvp.Kvp, [], []);
    }

    private delegate void RecordAction(in KostraRecord record);

    /// <summary>
    /// Reads every record again (pass 1 found them all of the layout's length). False, with a fatal finding, when the file is
    /// no longer what pass 1 read: what the rules passed would not be what is stored.
    /// </summary>
    private static bool ForEachRecord(KostraSource source, KostraLayout layout, byte[] firstHash, RuleReport report, RecordAction action)
    {
        using var hash = source.MayChange ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        using (var lines = source.Lines(hash))
        {
            while (lines.Next())
            {
                if (lines.Length != layout.RecordLength) return Changed(report);
                action(new KostraRecord(lines.Text, lines.Number, layout));
            }
        }
        return hash is null || hash.GetHashAndReset().AsSpan().SequenceEqual(firstHash) || Changed(report);
    }

    private static bool Changed(RuleReport report)
    {
        report.Own(Severity.Fatal, 0, "", "Filen ble endret mens den ble lest; ingenting er lagret. Les den inn på nytt når den er ferdig skrevet.");
        return false;
    }

    /// <summary>A first line's length as the layouts are looked up by: a line longer than any record is no layout's.</summary>
    private static int FirstLength(long length) => (int)Math.Min(length, int.MaxValue);

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
