using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Malekort.DataQuality;
using Malekort.Import.Detection;
using static System.FormattableString;

namespace Malekort.Import.Fuzzing;

/// <summary>
/// Runs a target over a budget of seeded mutated inputs and checks, for each: the reader returns (no exception) within
/// <see cref="FuzzSettings.TimeBound"/>; the result is all-or-nothing; two reads agree; an accepted value keeps the format's
/// invariants; no finding shows a fødselsnummer; format recognition does not throw. A hang is caught by a watchdog, since a
/// read that never returns cannot be timed from inside. Failures are grouped by kind, and the first input of each kind is
/// saved under <see cref="FuzzSettings.FailureFolder"/>.
/// </summary>
internal sealed partial class FuzzLoop(FuzzTarget target, ITestOutputHelper output, TimeSpan? timeBound = null)
{
    private readonly TimeSpan bound = timeBound ?? FuzzSettings.TimeBound;
    private readonly Dictionary<string, Failure> failures = new(StringComparer.Ordinal);
    private readonly Progress progress = new();

    public FuzzSummary Run(int count)
    {
        var seed = FuzzSettings.Seed;
        var summary = new FuzzSummary(target.Format, seed);
        var watch = Stopwatch.StartNew();
        Exception? broken = null;
        var worker = new Thread(() =>
        {
            try
            {
                for (var i = 0; i < count && !progress.Stopping; i++) One(seed, i, summary);
            }
            catch (Exception e)
            {
                broken = e; // the harness itself failed (not the reader): report it as the test's failure
            }
        })
        { IsBackground = true, Name = $"fuzz {target.Format}" };
        worker.Start();
        var cancel = TestContext.Current.CancellationToken;
        while (!worker.Join(50))
        {
            if (cancel.IsCancellationRequested) progress.Stopping = true;
            if (progress.Current is { } input && progress.Elapsed > bound)
            {
                // The worker is stuck in the reader; it is a background thread and dies with the test process.
                var saved = SaveInput(input, seed, progress.Index);
                Assert.Fail(Invariant($"{target.Format}: input {progress.Index} (seed {seed}) has not returned after ")
                    + Invariant($"{bound.TotalSeconds} s: {input}\nSaved: {saved}"));
            }
        }
        if (broken is not null) throw new InvalidOperationException("The fuzz harness failed.", broken);
        summary.Elapsed = watch.Elapsed;
        output.WriteLine(summary.ToString());
        foreach (var (elapsed, index, input) in summary.SlowestInputs)
            output.WriteLine(Invariant($"  slow: input {index}, {elapsed.TotalMilliseconds:F1} ms: {input}"));
        if (failures.Count > 0)
        {
            var report = new StringBuilder(Invariant($"{target.Format}: {failures.Count} kinds of failure (seed {seed}):\n"));
            foreach (var failure in failures.Values.OrderBy(f => f.FirstIndex))
                report.Append(Invariant($"- {failure.Count}× {failure.Message}\n  first: input {failure.FirstIndex}, {failure.Input}\n  saved: {failure.Saved}\n"));
            Assert.Fail(report.ToString());
        }
        Assert.True(summary.Inputs == count || progress.Stopping, Invariant($"Only {summary.Inputs} of {count} inputs were read."));
        return summary;
    }

    private void One(int seed, int index, FuzzSummary summary)
    {
        var random = FuzzSettings.InputRandom(seed, target.Format, index);
        var preparing = Stopwatch.GetTimestamp();
        var input = target.Prepare(random);
        summary.Preparing += Stopwatch.GetElapsedTime(preparing);
        var started = Stopwatch.GetTimestamp();
        progress.Start(index, input);
        try
        {
            ReadOutcome first, second;
            try
            {
                first = target.Read(input);
                second = target.Read(input);
            }
            catch (Exception e)
            {
                Fail(seed, index, input, $"{e.GetType().Name} escaped Read at {TopFrame(e)}: {Shortened(e.Message)}",
                    $"{e.GetType().Name} at {TopFrame(e)}");
                summary.Count(false, Stopwatch.GetElapsedTime(started), index, input);
                return;
            }
            Check(seed, index, input, first, second);
            try
            {
                InputFormats.Recognise(input.Path);
            }
            catch (Exception e)
            {
                Fail(seed, index, input, $"{e.GetType().Name} escaped InputFormats.Recognise at {TopFrame(e)}: {Shortened(e.Message)}",
                    $"{e.GetType().Name} at {TopFrame(e)} (Recognise)");
            }
            summary.Count(first.Accepted, Stopwatch.GetElapsedTime(started), index, input);
        }
        finally
        {
            progress.Stop();
            target.Restore(input);
        }
    }

    private void Check(int seed, int index, FuzzCase input, ReadOutcome first, ReadOutcome second)
    {
        var rejecting = first.Findings.Count(f => f.Rejects);
        if (first.HasValue && rejecting > 0)
            Fail(seed, index, input, "a value together with a rejecting finding: " + first.Findings.First(f => f.Rejects));
        if (!first.HasValue && rejecting == 0)
            Fail(seed, index, input, "rejected (no value) without any rejecting finding: "
                + (first.Findings.Count == 0 ? "no findings" : string.Join(" | ", first.Findings)));
        if (first.Accepted != (first.HasValue && rejecting == 0))
            Fail(seed, index, input, "ReadResult.Accepted disagrees with its value and findings");
        if (!first.SameAs(second))
            Fail(seed, index, input, "two reads of the same input differ: " + Difference(first, second));
        foreach (var finding in first.Findings)
        {
            if (finding.Message.Length == 0 || finding.File.Length == 0 || finding.Line < 0)
                Fail(seed, index, input, "a finding without a file or message, or with a negative line: " + finding);
            if (target.FromSafetyNet(finding))
                Fail(seed, index, input, "an exception inside the reader, caught by its last-resort catch: " + finding);
            if (target.PersonData && FodselsnummerText.Find(finding.ToString()) is { } number)
                Fail(seed, index, input, $"a finding shows a fødselsnummer ({number.Length} digits): {finding.File}:{finding.Line} {finding.Column}");
        }
        foreach (var violation in first.Violations) Fail(seed, index, input, "accepted, but " + violation);
    }

    private void Fail(int seed, int index, FuzzCase input, string message, string? kind = null)
    {
        message = Shortened(message);
        kind ??= Digits().Replace(message.Length > 100 ? message[..100] : message, "#");
        if (failures.TryGetValue(kind, out var known))
        {
            known.Count++;
            return;
        }
        failures[kind] = new Failure(message, index, input.ToString(), SaveInput(input, seed, index));
    }

    private string SaveInput(FuzzCase input, int seed, int index)
    {
        try
        {
            var folder = FuzzSettings.FailureFolder(target.Format);
            Directory.CreateDirectory(folder);
            var saved = target.Save(input, Path.Combine(folder, Invariant($"seed{seed}-input{index}")));
            File.WriteAllText(Path.Combine(folder, Invariant($"seed{seed}-input{index}.txt")), input.ToString());
            return saved;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"(not saved: {e.Message})";
        }
    }

    private static string Shortened(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static string Difference(ReadOutcome first, ReadOutcome second)
    {
        if (first.HasValue != second.HasValue) return Invariant($"value {first.HasValue} then {second.HasValue}");
        if (!first.Findings.SequenceEqual(second.Findings))
        {
            var at = first.Findings.Zip(second.Findings).TakeWhile(p => p.First == p.Second).Count();
            return Invariant($"findings differ at {at}: ") + (at < first.Findings.Count ? first.Findings[at].ToString() : "(none)")
                + " / " + (at < second.Findings.Count ? second.Findings[at].ToString() : "(none)");
        }
        return "the values differ";
    }

    private static string TopFrame(Exception e) =>
        new StackTrace(e).GetFrames().Select(f => f.GetMethod()).FirstOrDefault(m => m?.DeclaringType?.Namespace?.StartsWith("Malekort",
            StringComparison.Ordinal) == true) is { } method
            ? $"{method.DeclaringType!.Name}.{method.Name}"
            : e.TargetSite?.Name ?? "?";

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    private sealed class Failure(string message, int firstIndex, string input, string saved)
    {
        public string Message => message;
        public int FirstIndex => firstIndex;
        public string Input => input;
        public string Saved => saved;
        public int Count { get; set; } = 1;
    }

    /// <summary>What the worker is reading now, for the watchdog.</summary>
    private sealed class Progress
    {
        private long started;
        private FuzzCase? current;

        public volatile bool Stopping;

        public int Index { get; private set; }

        public FuzzCase? Current => Volatile.Read(ref current);

        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Volatile.Read(ref started));

        public void Start(int index, FuzzCase input)
        {
            Index = index;
            Volatile.Write(ref started, Stopwatch.GetTimestamp());
            Volatile.Write(ref current, input);
        }

        public void Stop() => Volatile.Write(ref current, null);
    }
}

/// <summary>What a fuzz run read: the line the test output and <c>docs/robustness.md</c> show.</summary>
internal sealed class FuzzSummary(string format, int seed)
{
    public string Format => format;
    public int Seed => seed;
    public int Inputs { get; private set; }
    public int Accepted { get; private set; }
    public TimeSpan Slowest { get; private set; }
    public TimeSpan Elapsed { get; set; }

    /// <summary>Time spent making inputs rather than reading them.</summary>
    public TimeSpan Preparing { get; set; }

    /// <summary>The slowest few inputs, to tell a reader's slow path from noise.</summary>
    public List<(TimeSpan Elapsed, int Index, string Input)> SlowestInputs { get; } = [];

    private readonly List<double> milliseconds = [];

    /// <summary>The time of the input at this share of the sorted times, e.g. 0.5 for the median.</summary>
    public double Percentile(double share)
    {
        if (milliseconds.Count == 0) return 0;
        var sorted = milliseconds.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, share * sorted.Count)];
    }

    /// <summary>Where <c>MALEKORT_FUZZ_PROFILE</c> asks every input's time to be written, to find what makes a run slow.</summary>
    private readonly StreamWriter? profile = Environment.GetEnvironmentVariable("MALEKORT_FUZZ_PROFILE") is { Length: > 0 } folder
        ? new StreamWriter(Path.Combine(folder, format + ".tsv"))
        : null;

    public void Count(bool accepted, TimeSpan elapsed, int index, FuzzCase input)
    {
        profile?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalMilliseconds:F3}\t{index}\t{input}"));
        if (profile is not null && index % 1000 == 0) profile.Flush();
        milliseconds.Add(elapsed.TotalMilliseconds);
        Inputs++;
        if (accepted) Accepted++;
        if (elapsed > Slowest) Slowest = elapsed;
        if (SlowestInputs.Count == 5 && elapsed <= SlowestInputs[^1].Elapsed) return;
        var text = input.ToString();
        SlowestInputs.Add((elapsed, index, text.Length > 200 ? text[..200] + "…" : text));
        SlowestInputs.Sort((a, b) => b.Elapsed.CompareTo(a.Elapsed));
        if (SlowestInputs.Count > 5) SlowestInputs.RemoveAt(5);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"fuzz {format}: seed {seed}, {Inputs} mutated inputs ({Accepted} accepted, {Inputs - Accepted} rejected), " +
        $"median {Percentile(0.5):F2} ms, 99th percentile {Percentile(0.99):F1} ms, slowest {Slowest.TotalMilliseconds:F1} ms, {Elapsed.TotalSeconds:F1} s ({Preparing.TotalSeconds:F1} s making inputs)");
}
