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
    /// The most input, in bytes as its files hold them (a zip's unpacked), that is read ahead while the input before it is
    /// written. A parsed input is held until it is stored, several times its size in records, so two large ones at once would
    /// double the peak (issue 13); every batch of the national benchmark is far below it (the largest is 11 MB), so they
    /// still overlap.
    /// </summary>
    public const long DefaultLookAheadBytes = 64L * 1024 * 1024;

    /// <summary><see cref="DefaultLookAheadBytes"/>; smaller only in tests.</summary>
    internal long LookAheadBytes { get; init; } = DefaultLookAheadBytes;

    /// <summary>
    /// Imports every input the paths hold (see <see cref="InputFormats.Expand"/>), in order, reporting each as it finishes.
    /// The next input is read and validated while the current one is written, so reading and writing use both cores; inputs
    /// still land one at a time, in order. At most one input is read ahead, and only when it and the one being written are
    /// together within <see cref="LookAheadBytes"/>: otherwise it waits until the one before it has landed, so the records
    /// held at once are one large input's, never two or three.
    /// </summary>
    public IReadOnlyList<ImportLogEntry> Import(IEnumerable<string> paths, Action<string, ImportLogEntry>? finished = null)
    {
        var inputs = InputFormats.Expand(paths);
        var entries = new List<ImportLogEntry>(inputs.Count);
        using var prepared = new System.Collections.Concurrent.BlockingCollection<(string Input, Func<ImportLogEntry> Land)>(boundedCapacity: 1);
        var progress = new LandingProgress();
        var reader = Task.Run(() =>
        {
            try
            {
                var previousBytes = 0L;
                for (var i = 0; i < inputs.Count; i++)
                {
                    var bytes = InputBytes(inputs[i]);
                    // Input i is read while input i − 1 is written, never while it still waits its turn (the queue's one
                    // place would make three held at once), and not at all while a large one is written.
                    if (i > 0 && !progress.WaitTaken(i)) return;
                    if (i > 0 && previousBytes + bytes > LookAheadBytes && !progress.WaitLanded(i)) return;
                    prepared.Add((inputs[i], Prepare(inputs[i])));
                    previousBytes = bytes;
                }
            }
            finally
            {
                prepared.CompleteAdding();
            }
        });
        try
        {
            foreach (var (input, land) in prepared.GetConsumingEnumerable())
            {
                progress.Took();
                var entry = land();
                entries.Add(entry);
                finished?.Invoke(input, entry);
                progress.Landed();
            }
        }
        finally
        {
            // A failed write leaves the reader waiting for a turn that never comes; let it end.
            progress.Stop();
        }
        reader.GetAwaiter().GetResult();
        return entries;
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

    /// <summary>How far the writing has come, for the reader thread to wait on.</summary>
    private sealed class LandingProgress
    {
        private readonly object gate = new();
        private int taken;
        private int landed;
        private bool stopped;

        public void Took() => Change(() => taken++);

        public void Landed() => Change(() => landed++);

        public void Stop() => Change(() => stopped = true);

        /// <summary>Waits until <paramref name="count"/> inputs have been taken to be written; false when the writing stopped.</summary>
        public bool WaitTaken(int count) => Wait(() => taken >= count);

        /// <summary>Waits until <paramref name="count"/> inputs have landed; false when the writing stopped.</summary>
        public bool WaitLanded(int count) => Wait(() => landed >= count);

        private void Change(Action change)
        {
            lock (gate)
            {
                change();
                Monitor.PulseAll(gate);
            }
        }

        private bool Wait(Func<bool> done)
        {
            lock (gate)
            {
                while (!done() && !stopped) Monitor.Wait(gate);
                return !stopped;
            }
        }
    }

    /// <summary>
    /// Imports one file, batch folder or zip. <paramref name="deliveredFor"/> is the unit it was delivered for, where the way
    /// it came says so (a unit's drop folder, an upload by a user of one municipality): a rejected input is logged with it
    /// (<see cref="RejectedUnit"/>).
    /// </summary>
    public ImportLogEntry ImportOne(string path, UnitCode? deliveredFor) => Prepare(path, deliveredFor)();

    /// <summary>Imports one file, batch folder or zip delivered for no unit in particular (the command line).</summary>
    public ImportLogEntry ImportOne(string path) => Prepare(path)();

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
    private Func<ImportLogEntry> Prepare(string path, UnitCode? home = null)
    {
        var source = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        // Links are never followed, so nothing outside the folders given is read; a pipe or device could block the read for ever.
        if (FileKinds.Of(path) is var kind and (FileKind.Link or FileKind.Special))
            return () => Reject(home, source, "ukjent", "", [new Finding(Severity.Fatal, source, 0, "",
                $"{FindingLog.Shown(source)} er {FileKinds.Describe(kind)} og leses ikke; legg selve filen eller mappen der i stedet.")]);
        try
        {
            var format = InputFormats.Recognise(path);
            // A central instance's database holds aggregates only (docs/federation.md): person-level inputs are not even read.
            if (format is InputFormat.CaptureBatch or InputFormat.Digisos or InputFormat.Kostra && store.InstanceRole() == InstanceRole.Central)
                return () => Reject(home, source, "persondata", "", [new Finding(Severity.Fatal, source, 0, "", Federation.CentralInstance.Refusal)]);
            switch (format)
            {
                case InputFormat.CaptureBatch:
                    var capture = new CaptureReader(pseudonyms, UnitRegister.Default, clock).Read(path);
                    return () => Land(home, source, capture);
                case InputFormat.SsbPopulation:
                    var populationReader = new SsbPopulationReader();
                    var (population, populationHash) = ReadAndHash(path, populationReader.Read, populationReader.Read);
                    return () => LandPopulation(home, source, population, populationHash);
                case InputFormat.OfficeRegister:
                    var officeReader = new OfficeRegisterReader();
                    var (offices, officesHash) = ReadAndHash(path, officeReader.Read, officeReader.Read);
                    return () => LandOffices(home, source, offices, officesHash);
                case InputFormat.Digisos:
                    var digisos = new DigisosReader(pseudonyms, clock).Read(path);
                    return () => Land(home, source, digisos, DigisosReader.FormatName);
                case InputFormat.KostraAggregates:
                    var (aggregates, aggregatesHash) = ReadAndHash(path, (name, bytes) => Aggregates.KostraAggregateReader.Read(name, bytes, clock.GetUtcNow()),
                        p => ReadResult<IReadOnlyList<DeliveredValue>>.Reject([new Finding(Severity.Fatal, source, 0, "",
                            $"Filen kunne ikke leses, eller den er større enn {InputLimits.SmallFileBytes / 1024 / 1024} MiB.")]));
                    return () => LandKostraAggregates(source, aggregates, aggregatesHash);
                case InputFormat.Kostra:
                    var kostra = new Kostra.KostraReader(pseudonyms, clock).Read(path);
                    var kostraFormat = Kostra.KostraReader.FormatOf(path);
                    return () => Land(home, source, kostra, kostraFormat);
                default:
                    var hash = Hash(path);
                    return () => Reject(home, source, "ukjent", hash, [new Finding(Severity.Fatal, source, 0, "",
                        "Ukjent format: verken en datafangst-leveranse (mappe eller zip med batch.json), KOSTRA 11F/11CF, Digisos, " +
                        "SSB-befolkningstall eller kontorregister.")]);
            }
        }
        catch (IOException e)
        {
            return () => Reject(home, source, "ukjent", "", [new Finding(Severity.Fatal, source, 0, "", $"Kunne ikke lese: {e.Message}")]);
        }
        catch (UnauthorizedAccessException e)
        {
            return () => Reject(home, source, "ukjent", "", [new Finding(Severity.Fatal, source, 0, "", $"Ingen tilgang: {e.Message}")]);
        }
    }

    private ImportLogEntry Land(UnitCode? home, string source, ReadResult<CaptureBatch> read, string format = CaptureReader.FormatName)
    {
        if (!read.Accepted || read.Value is not { } batch) return Reject(RejectedUnit(read.Unit, home), source, format, "", read.Findings);
        // Every format's readers check their dates where they know the line; this is the net under all of them.
        if (BatchLimits.Header(batch.Header, source, clock.GetUtcNow()) is { Count: > 0 } impossible)
            return Reject(RejectedUnit(batch.Header.Unit, home), source, format, batch.ContentHash, [.. read.Findings, .. impossible]);
        var h = batch.Header;
        var entry = new ImportLogEntry(source, h.Format, clock.GetUtcNow(), ImportOutcome.Imported, h.Unit, h.PeriodFrom, h.PeriodTo,
            batch.ContentHash, batch.Counts(), read.Findings);
        return entry with { Outcome = store.SaveBatch(batch, entry) };
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
