using System.Security.Cryptography;
using Malekort.Capture;
using Malekort.DataQuality;
using Malekort.Federation;
using Malekort.Import.Capture;
using Malekort.Import.Detection;
using Malekort.Import.Digisos;
using Malekort.Import.Limits;
using Malekort.Import.Offices;
using Malekort.Import.Population;
using Malekort.Import.Pseudonyms;
using Malekort.Population;
using Malekort.Storage;
using Malekort.Units;

namespace Malekort.Import.Pipeline;

/// <summary>
/// Lands inputs in the store: recognise the format, read and validate, then store in one transaction and log the import.
/// Each input is all-or-nothing: a rejected input changes nothing but the log.
/// </summary>
public sealed class ImportPipeline(IMalekortStore store, Pseudonymizer pseudonyms, TimeProvider clock)
{
    /// <summary>
    /// The most input, in bytes as its files hold them (a zip's unpacked), held at once: read ahead, waiting, or being written.
    /// A parsed input is held until it is stored, several times its size in records, so two large ones at once would double
    /// the peak (issue 13): an input that does not fit beside those held is read only once they have landed. Small ones (every
    /// batch of the national benchmark is far below it; the largest is 11 MB) are read ahead, several at once, and land together.
    /// </summary>
    public const long DefaultLookAheadBytes = 64L * 1024 * 1024;

    /// <summary><see cref="DefaultLookAheadBytes"/>; smaller only in tests.</summary>
    internal long LookAheadBytes { get; init; } = DefaultLookAheadBytes;

    /// <summary>The most inputs held at once, however small: the most batches that land in one transaction.</summary>
    private const int LookAheadInputs = 64;

    /// <summary>
    /// Imports every input the paths hold (see <see cref="InputFormats.Expand"/>), in order, reporting each as it finishes.
    /// Inputs are read and validated while earlier ones are written, so reading and writing use both cores, within
    /// <see cref="LookAheadBytes"/> (one input however large always passes). The batches read by the time the store is free
    /// land together in one transaction (<see cref="IMalekortStore.SaveBatches"/>), each still whole or not at all; inputs land
    /// in order.
    /// </summary>
    public IReadOnlyList<ImportLogEntry> Import(IEnumerable<string> paths, Action<string, ImportLogEntry>? finished = null)
    {
        var inputs = InputFormats.Expand(paths);
        var entries = new List<ImportLogEntry>(inputs.Count);
        Task reader;
        using (var ahead = new ReadAhead<(string Input, Landing Landing, long Bytes)>(LookAheadInputs, LookAheadBytes))
        {
            reader = Task.Run(() =>
            {
                try
                {
                    foreach (var input in inputs)
                    {
                        var bytes = InputBytes(input);
                        if (!ahead.Reserve(bytes)) return;
                        ahead.Add((input, Prepare(input), bytes));
                    }
                }
                finally
                {
                    ahead.Complete();
                }
            });
            var group = new List<(string Input, CaptureBatch Batch, ImportLogEntry Entry, long Bytes)>();
            void Done(string input, ImportLogEntry entry, long bytes)
            {
                entries.Add(entry);
                finished?.Invoke(input, entry);
                ahead.Landed(bytes);
            }
            while (ahead.TakeReady() is { Count: > 0 } ready)
            {
                foreach (var (input, landing, bytes) in ready)
                {
                    if (landing.Stage() is { } staged)
                    {
                        group.Add((input, staged.Batch, staged.Entry, bytes));
                        continue;
                    }
                    // Whatever lands alone (a rejection, reference data) lands after the batches read before it.
                    LandTogether(group, Done);
                    Done(input, landing.Alone(), bytes);
                }
                LandTogether(group, Done);
            }
        }
        reader.GetAwaiter().GetResult();
        return entries;
    }

    /// <summary>
    /// Stores the batches in one transaction. Should that fail, none of them is stored, and they are stored again one by one, so
    /// that each lands or fails on its own as it would have alone (a refused upload, a lock not granted) and the error is the
    /// one batch's.
    /// </summary>
    private void LandTogether(List<(string Input, CaptureBatch Batch, ImportLogEntry Entry, long Bytes)> group,
        Action<string, ImportLogEntry, long> done)
    {
        if (group.Count == 0) return;
        IReadOnlyList<ImportOutcome>? outcomes = null;
        if (group.Count > 1)
        {
            try
            {
                outcomes = store.SaveBatches([.. group.Select(g => (g.Batch, g.Entry))]);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                outcomes = null;
            }
        }
        for (var i = 0; i < group.Count; i++)
        {
            var (input, batch, entry, bytes) = group[i];
            done(input, entry with { Outcome = outcomes?[i] ?? store.SaveBatch(batch, entry) }, bytes);
        }
        group.Clear();
    }

    /// <summary>
    /// About how many bytes an input's files hold: a file's length, a folder's files together, a zip's entries unpacked as
    /// its directory declares them (the reader holds them to that). 0 when it cannot be told; the reader will say why.
    /// </summary>
    internal static long InputBytes(string path)
    {
        try
        {
            if (FileKinds.Of(path) is FileKind.Link or FileKind.Special) return 0;
            if (Directory.Exists(path))
                return new DirectoryInfo(path).EnumerateFiles("*", new EnumerationOptions
                {
                    RecurseSubdirectories = true,
                    AttributesToSkip = FileAttributes.ReparsePoint,
                    IgnoreInaccessible = true,
                }).Sum(f => f.Length);
            if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                using var zip = System.IO.Compression.ZipFile.OpenRead(path);
                return zip.Entries.Count <= InputLimits.ZipEntries ? zip.Entries.Sum(e => e.Length) : new FileInfo(path).Length;
            }
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException
            or NotSupportedException or OverflowException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Imports one file, batch folder or zip. <paramref name="deliveredFor"/> is the unit it was delivered for, where the way
    /// it came says so (a unit's drop folder, an upload by a user of one municipality): a rejected input is logged with it
    /// (<see cref="RejectedUnit"/>).
    /// </summary>
    public ImportLogEntry ImportOne(string path, UnitCode? deliveredFor) => Prepare(path, deliveredFor).Land(store);

    /// <summary>Imports one file, batch folder or zip delivered for no unit in particular (the command line).</summary>
    public ImportLogEntry ImportOne(string path) => Prepare(path).Land(store);

    /// <summary>
    /// The unit a rejected input is logged with, so its findings, which quote its values, are shown to that unit's office and
    /// to nobody else's (issue 10 item 1): the unit the input says it is for and the unit it was delivered for, whichever is
    /// known; when both are known and differ, none, and only administrators see the findings.
    /// </summary>
    public static UnitCode? RejectedUnit(UnitCode? said, UnitCode? deliveredFor) => (said, deliveredFor) switch
    {
        ({ } s, { } d) => s == d ? s : null,
        ({ } s, null) => s,
        (null, var d) => d,
    };

    /// <summary>Recognises and reads an input; the returned step writes it to the store (or logs its rejection).</summary>
    private Landing Prepare(string path, UnitCode? home = null)
    {
        var source = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        // Links are never followed, so nothing outside the folders given is read; a pipe or device could block the read for ever.
        if (FileKinds.Of(path) is var kind and (FileKind.Link or FileKind.Special))
            return new Landing(() => Reject(home, source, "ukjent", "", [new Finding(Severity.Fatal, source, 0, "",
                $"{FindingLog.Shown(source)} er {FileKinds.Describe(kind)} og leses ikke; legg selve filen eller mappen der i stedet.")]));
        try
        {
            var format = InputFormats.Recognise(path);
            // A central instance's database holds aggregates only (docs/federation.md): person-level inputs are not even read.
            if (format is InputFormat.CaptureBatch or InputFormat.Digisos or InputFormat.Kostra && store.InstanceRole() == InstanceRole.Central)
                return new Landing(() => Reject(home, source, "persondata", "", [new Finding(Severity.Fatal, source, 0, "", Federation.CentralInstance.Refusal)]));
            switch (format)
            {
                case InputFormat.CaptureBatch:
                    var capture = new CaptureReader(pseudonyms, UnitRegister.Default, clock).Read(path);
                    return Stage(home, source, capture);
                case InputFormat.SsbPopulation:
                    var populationReader = new SsbPopulationReader();
                    var (population, populationHash) = ReadAndHash(path, populationReader.Read, populationReader.Read);
                    return new Landing(() => LandPopulation(home, source, population, populationHash));
                case InputFormat.OfficeRegister:
                    var officeReader = new OfficeRegisterReader();
                    var (offices, officesHash) = ReadAndHash(path, officeReader.Read, officeReader.Read);
                    return new Landing(() => LandOffices(home, source, offices, officesHash));
                case InputFormat.Digisos:
                    var digisos = new DigisosReader(pseudonyms, clock).Read(path);
                    return Stage(home, source, digisos, DigisosReader.FormatName);
                case InputFormat.KostraAggregates:
                    var (aggregates, aggregatesHash) = ReadAndHash(path, (name, bytes) => Aggregates.KostraAggregateReader.Read(name, bytes, clock.GetUtcNow()),
                        p => ReadResult<IReadOnlyList<DeliveredValue>>.Reject([new Finding(Severity.Fatal, source, 0, "",
                            $"Filen kunne ikke leses, eller den er større enn {InputLimits.SmallFileBytes / 1024 / 1024} MiB.")]));
                    return new Landing(() => LandKostraAggregates(source, aggregates, aggregatesHash));
                case InputFormat.Kostra:
                    var kostra = new Kostra.KostraReader(pseudonyms, clock).Read(path);
                    var kostraFormat = Kostra.KostraReader.FormatOf(path);
                    return Stage(home, source, kostra, kostraFormat);
                default:
                    var hash = Hash(path);
                    return new Landing(() => Reject(home, source, "ukjent", hash, [new Finding(Severity.Fatal, source, 0, "",
                        "Ukjent format: verken en datafangst-leveranse (mappe eller zip med batch.json), KOSTRA 11F/11CF, Digisos, " +
                        "SSB-befolkningstall eller kontorregister.")]));
            }
        }
        catch (IOException e)
        {
            return new Landing(() => Reject(home, source, "ukjent", "", [new Finding(Severity.Fatal, source, 0, "", $"Kunne ikke lese: {e.Message}")]));
        }
        catch (UnauthorizedAccessException e)
        {
            return new Landing(() => Reject(home, source, "ukjent", "", [new Finding(Severity.Fatal, source, 0, "", $"Ingen tilgang: {e.Message}")]));
        }
    }

    /// <summary>A read batch: stored with the others ready when it passes the last check, else its rejection lands alone.</summary>
    private Landing Stage(UnitCode? home, string source, ReadResult<CaptureBatch> read, string format = CaptureReader.FormatName)
    {
        if (!read.Accepted || read.Value is not { } batch)
            return new Landing(() => Reject(RejectedUnit(read.Unit, home), source, format, "", read.Findings));
        var counts = batch.Counts();
        return new Landing(landing =>
        {
            // Every format's readers check their dates where they know the line; this is the net under all of them.
            if (BatchLimits.Header(batch.Header, source, clock.GetUtcNow()) is { Count: > 0 } impossible)
            {
                landing.LandAlone(() => Reject(RejectedUnit(batch.Header.Unit, home), source, format, batch.ContentHash, [.. read.Findings, .. impossible]));
                return null;
            }
            var h = batch.Header;
            return (batch, new ImportLogEntry(source, h.Format, clock.GetUtcNow(), ImportOutcome.Imported, h.Unit, h.PeriodFrom, h.PeriodTo,
                batch.ContentHash, counts, read.Findings));
        });
    }

    /// <summary>
    /// A read input, ready to land: a batch that passes its last check is staged (<see cref="Stage()"/>) to be stored, possibly
    /// together with others; anything else lands alone (<see cref="Alone"/>).
    /// </summary>
    private sealed class Landing
    {
        private readonly Func<Landing, (CaptureBatch Batch, ImportLogEntry Entry)?>? stage;
        private Func<ImportLogEntry>? alone;

        public Landing(Func<ImportLogEntry> alone) => this.alone = alone;

        public Landing(Func<Landing, (CaptureBatch Batch, ImportLogEntry Entry)?> stage) => this.stage = stage;

        /// <summary>The batch and its log entry, or null when the input lands alone.</summary>
        public (CaptureBatch Batch, ImportLogEntry Entry)? Stage() => stage?.Invoke(this);

        public void LandAlone(Func<ImportLogEntry> step) => alone = step;

        public ImportLogEntry Alone() => (alone ?? throw new InvalidOperationException("A staged batch is stored, not landed alone."))();

        /// <summary>Lands this input by itself.</summary>
        public ImportLogEntry Land(IMalekortStore store) =>
            Stage() is { } staged ? staged.Entry with { Outcome = store.SaveBatch(staged.Batch, staged.Entry) } : Alone();
    }

    private ImportLogEntry LandPopulation(UnitCode? home, string source, ReadResult<IReadOnlyList<PopulationFigure>> read, string hash)
    {
        if (!read.Accepted || read.Value is not { } figures) return Reject(home, source, "ssb-befolkning", hash, read.Findings);
        var years = figures.Select(f => f.Year).Distinct().Order().ToList();
        var entry = new ImportLogEntry(source, "ssb-befolkning", clock.GetUtcNow(), ImportOutcome.Imported, null,
            years.Count > 0 ? new DateOnly(years[0], 1, 1) : null, years.Count > 0 ? new DateOnly(years[^1], 1, 1) : null, hash,
            new Dictionary<string, int>(StringComparer.Ordinal) { [RecordKinds.Population] = figures.Count }, read.Findings);
        return entry with { Outcome = store.SavePopulation(figures, entry) };
    }

    /// <summary>
    /// KOSTRA-level aggregates (issue 15 item 5): only a central instance takes them, each municipality's month stored as a
    /// delivery from KOSTRA (docs/federation.md); a local instance computes its own numbers from person data. A rejected file
    /// is nobody's (administrators only): it covers many municipalities.
    /// </summary>
    private ImportLogEntry LandKostraAggregates(string source, ReadResult<IReadOnlyList<DeliveredValue>> read, string hash)
    {
        const string Format = Aggregates.KostraAggregateReader.FormatName;
        if (store.InstanceRole() != InstanceRole.Central)
            return Reject(null, source, Format, hash, [.. read.Findings, new Finding(Severity.Fatal, source, 0, "",
                "KOSTRA-aggregater tas bare inn av en sentral instans (serve --central), for kommuner uten eget Målekort. " +
                "Et kontors eget Målekort regner tallene fra sine egne uttrekk. Ingenting er lagret.")]);
        if (!read.Accepted || read.Value is not { } values) return Reject(null, source, Format, hash, read.Findings);
        var now = clock.GetUtcNow();
        var deliveries = values.GroupBy(v => (v.Unit, v.Month)).Select(g =>
        {
            var rows = g.Select(v => new AggregateRow(v.Unit, v.Indicator, v.Numerator, v.Denominator, v.Notes, 1, 1)).ToList();
            var fingerprint = PublicationFingerprint.Of(rows.Select(r => new PublishedValue(r.Unit, r.Indicator, r.Numerator, r.Denominator, r.Numerator)));
            return new AggregateDelivery(g.Key.Unit, g.Key.Month, 0, AggregateSource.Kostra, fingerprint, now, now, $"KOSTRA ({source})", rows);
        }).ToList();
        var months = values.Select(v => v.Month).Distinct().Order().ToList();
        var entry = new ImportLogEntry(source, Format, now, ImportOutcome.Imported, null,
            new DateOnly(months[0].Year, months[0].Number, 1), new DateOnly(months[^1].Year, months[^1].Number, 1), hash,
            new Dictionary<string, int>(StringComparer.Ordinal) { ["kostra-tall"] = values.Count, ["kommunemaneder"] = deliveries.Count },
            read.Findings);
        return entry with { Outcome = store.SaveKostraAggregates(deliveries, entry) };
    }

    private ImportLogEntry LandOffices(UnitCode? home, string source, ReadResult<IReadOnlyList<Office>> read, string hash)
    {
        if (!read.Accepted || read.Value is not { } offices) return Reject(home, source, "kontorregister", hash, read.Findings);
        var entry = new ImportLogEntry(source, "kontorregister", clock.GetUtcNow(), ImportOutcome.Imported, null, null, null, hash,
            new Dictionary<string, int>(StringComparer.Ordinal) { [RecordKinds.Offices] = offices.Count }, read.Findings);
        return entry with { Outcome = store.SaveOffices(offices, entry) };
    }

    /// <summary>Logs a rejected input under <paramref name="unit"/> (<see cref="RejectedUnit"/>; null: administrators only).</summary>
    private ImportLogEntry Reject(UnitCode? unit, string source, string format, string hash, IReadOnlyList<Finding> findings)
    {
        var entry = new ImportLogEntry(source, format, clock.GetUtcNow(), ImportOutcome.Rejected, unit, null, null, hash,
            new Dictionary<string, int>(StringComparer.Ordinal), findings);
        store.LogRejected(entry);
        return entry;
    }

    /// <summary>
    /// Reads a file once for both its reader and its hash. When it cannot be read, the reader's path overload tries again
    /// so the finding and (empty) hash are the ones it always gave.
    /// </summary>
    private static (ReadResult<T> Read, string Hash) ReadAndHash<T>(
        string path, Func<string, byte[], ReadResult<T>> fromContent, Func<string, ReadResult<T>> fromPath)
    {
        byte[] bytes;
        try
        {
            bytes = new LimitedRead().File(path, Path.GetFileName(path), InputLimits.SmallFileBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return (fromPath(path), "");
        }
        return (fromContent(Path.GetFileName(path), bytes), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static string Hash(string path)
    {
        if (!File.Exists(path)) return "";
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
