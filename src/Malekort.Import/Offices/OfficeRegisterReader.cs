using System.Globalization;
using System.Text;
using Malekort.Import.Limits;
using Malekort.Units;
using nietras.SeparatedValues;
using static System.FormattableString;

namespace Malekort.Import.Offices;

/// <summary>
/// Reads the NAV office register: a CSV <c>office_number,office_name,units</c> (UTF-8, optional BOM, comma,
/// RFC 4180 quoting), units separated by <c>|</c>, e.g. <c>0106,NAV Fredrikstad,3107</c>.
/// Every unit must be a municipality (2024 numbering) or Oslo district in SSB's register, served by one office only;
/// office numbers (NAV enhetsnummer) are four digits and unique.
/// </summary>
public sealed class OfficeRegisterReader
{
    private const string Header = "office_number,office_name,units";
    private static readonly string[] Columns = ["office_number", "office_name", "units"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether the file starts with the register's header (only the first line is read).</summary>
    public static bool Recognise(string path)
    {
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var first = new char[Header.Length + 2];
            var length = reader.ReadBlock(first);
            var line = new string(first, 0, length).Split('\n')[0].TrimEnd('\r');
            return line.Equals(Header, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Reads the register; rejected (no value) when any row breaks a rule.</summary>
    public ReadResult<IReadOnlyList<Office>> Read(string path)
    {
        var file = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            bytes = new LimitedRead().File(path, file, InputLimits.SmallFileBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var findings = new FileFindings(file);
            findings.Fatal(0, "", $"Filen kan ikke leses: {e.Message}");
            return ReadResult<IReadOnlyList<Office>>.Reject(findings.Items);
        }
        return Read(file, bytes);
    }

    /// <summary>Reads a register's content; <paramref name="file"/> names it in findings.</summary>
    public ReadResult<IReadOnlyList<Office>> Read(string file, byte[] bytes)
    {
        var findings = new FileFindings(file);
        string text;
        try
        {
            var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            findings.Fatal(0, "", "Filen er ikke gyldig UTF-8; lagre den som UTF-8 (med eller uten BOM).");
            return ReadResult<IReadOnlyList<Office>>.Reject(findings.Items);
        }
        var offices = new Rows(findings).Read(text);
        return ReadResult<IReadOnlyList<Office>>.From(offices, findings.Items);
    }

    /// <summary>One read of a register file: the rows so far, to name the line an office or unit was first seen on.</summary>
    private sealed class Rows(FileFindings findings)
    {
        private readonly Dictionary<string, int> numbers = new(StringComparer.Ordinal);
        private readonly Dictionary<UnitCode, (string Office, int Line)> served = [];

        public IReadOnlyList<Office>? Read(string text)
        {
            using var reader = Open(text);
            if (reader is null) return null;
            var names = reader.Header.ColNames;
            var missing = Columns.Where(c => !names.Contains(c, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                findings.Fatal(1, "", $"Overskriften mangler {string.Join(", ", missing)}; forventet «{Header}».");
                return null;
            }
            foreach (var unknown in names.Where(n => !Columns.Contains(n, StringComparer.Ordinal)))
                findings.Warning(1, unknown, $"Ukjent kolonne «{unknown}» ignoreres.");

            var offices = new List<Office>();
            foreach (var row in reader)
            {
                var line = row.LineNumberFrom;
                if (row.ColCount == 1 && row[0].Span.Trim().Length == 0) continue;
                if (row.ColCount != names.Count)
                {
                    findings.Error(line, "", Invariant($"Linjen har {row.ColCount} kolonner, overskriften {names.Count}."));
                    continue;
                }
                if (row.LineNumberToExcl - row.LineNumberFrom > 1)
                {
                    findings.Error(line, "", "Raden går over flere linjer (et anførselstegn som ikke er lukket?).");
                    continue;
                }
                var number = row["office_number"].ToString().Trim();
                var name = row["office_name"].ToString().Trim();
                var office = Office(number, name, row["units"].ToString(), line);
                if (office is not null) offices.Add(office);
            }
            // Oslo's data is captured per district; Oslo as a whole beside its districts would count people twice.
            if (served.TryGetValue(UnitCode.Parse("0301"), out var oslo) && served.Keys.Any(u => u.Kind == UnitKind.District))
                findings.Error(oslo.Line, "units",
                    "Oslo (0301) kan ikke betjenes som én kommune når registeret også har Oslos bydeler; bruk bydelene.");
            if (offices.Count == 0 && !findings.Rejects)
                findings.Warning(0, "", "Kontorregisteret har ingen kontorer.");
            return offices;
        }

        /// <summary>The rows; Sep refuses a header naming a column twice, which is the file's fault: a finding.</summary>
        private SepReader? Open(string text)
        {
            try
            {
                return Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromText(text);
            }
            catch (ArgumentException)
            {
                findings.Fatal(1, "", $"Overskriften har samme kolonne flere ganger; forventet «{Header}».");
                return null;
            }
        }

        private Office? Office(string number, string name, string unitsText, int line)
        {
            var ok = true;
            if (number.Length != 4 || !number.All(char.IsAsciiDigit))
            {
                findings.Error(line, "office_number",
                    $"Kontornummeret «{number}» er ikke fire sifre (NAVs enhetsnummer, f.eks. 0106).");
                ok = false;
            }
            else if (numbers.TryGetValue(number, out var first))
            {
                findings.Error(line, "office_number",
                    Invariant($"Kontornummeret {number} står også på linje {first}; hvert kontor skal stå én gang."));
                ok = false;
            }
            else numbers[number] = line;
            if (name.Length == 0)
            {
                findings.Error(line, "office_name", "Kontoret mangler navn.");
                ok = false;
            }
            var units = Units(unitsText, number, name, line);
            return ok && units is not null ? new Office(number, name, units) : null;
        }

        private List<UnitCode>? Units(string text, string number, string name, int line)
        {
            var parts = text.Split('|', StringSplitOptions.TrimEntries);
            if (text.Trim().Length == 0 || parts.Any(p => p.Length == 0))
            {
                findings.Error(line, "units",
                    $"«{text}» er ikke en liste av kommune- og bydelsnumre skilt med |, f.eks. 3107 eller 030112|030113.");
                return null;
            }
            var units = new List<UnitCode>();
            var ok = true;
            foreach (var part in parts)
            {
                if (Known(part, line) is not { } unit)
                {
                    ok = false;
                    continue;
                }
                if (served.TryGetValue(unit, out var other))
                {
                    var where = other.Line == line
                        ? "står to ganger på samme linje"
                        : Invariant($"betjenes også av {other.Office} (linje {other.Line})");
                    findings.Error(line, "units",
                        $"{unit} {UnitRegister.Default.NameOf(unit)} {where}; en kommune eller bydel hører til ett kontor.");
                    ok = false;
                    continue;
                }
                served[unit] = ($"{number} {name}", line);
                units.Add(unit);
            }
            return ok ? units : null;
        }

        private UnitCode? Known(string text, int line)
        {
            if (!UnitCode.TryParse(text, out var unit))
            {
                findings.Error(line, "units", $"«{text}» er ikke et kommunenummer (4 sifre) eller bydelsnummer (6 sifre).");
                return null;
            }
            if (!unit.IsCaptureUnit)
            {
                findings.Error(line, "units", $"{text} er {KindName(unit.Kind)}; et kontor betjener kommuner eller Oslo-bydeler.");
                return null;
            }
            if (!UnitRegister.Default.IsKnownCaptureUnit(unit))
            {
                var hint = UnitRegister.Default.Renumbered.TryGetValue(text, out var current) && UnitCode.TryParse(current, out var now)
                    ? $"; det er et kommunenummer fra før 2024, nå {now} {UnitRegister.Default.NameOf(now)}"
                    : unit.Kind == UnitKind.District ? "; bare Oslos 15 bydeler er enheter" : "";
                findings.Error(line, "units", $"{text} finnes ikke i SSBs kommune- og bydelsregister for 2024{hint}.");
                return null;
            }
            return unit;
        }

        private static string KindName(UnitKind kind) => kind switch
        {
            UnitKind.Country => "hele landet",
            UnitKind.County => "et fylke",
            UnitKind.Office => "et NAV-kontor",
            _ => kind.ToString(),
        };
    }
}
