namespace Malekort.Units;

/// <summary>What a <see cref="UnitCode"/> names.</summary>
public enum UnitKind
{
    /// <summary>The whole country, code <c>0</c>.</summary>
    Country,
    /// <summary>A county (fylke), two digits.</summary>
    County,
    /// <summary>A municipality (kommune), four digits, 2024 numbering.</summary>
    Municipality,
    /// <summary>An Oslo district (bydel), six digits.</summary>
    District,
    /// <summary>A NAV office, <c>NAV-</c> and its office number.</summary>
    Office,
}

/// <summary>
/// The code of a place indicators are reported for: <c>3107</c>, <c>030112</c>, <c>31</c>, <c>0</c> or <c>NAV-0106</c>.
/// Data and population live in municipalities and districts; the others are sums of them.
/// </summary>
public readonly record struct UnitCode : IComparable<UnitCode>
{
    private const string OfficePrefix = "NAV-";

    private UnitCode(string value, UnitKind kind)
    {
        Value = value;
        Kind = kind;
    }

    /// <summary>The code as written.</summary>
    public string Value { get; }

    /// <summary>What the code names.</summary>
    public UnitKind Kind { get; }

    /// <summary>The country.</summary>
    public static UnitCode Country { get; } = new("0", UnitKind.Country);

    /// <summary>Whether data can be captured for the unit (a municipality or an Oslo district).</summary>
    public bool IsCaptureUnit => Kind is UnitKind.Municipality or UnitKind.District;

    /// <summary>The county a municipality or district lies in: its first two digits.</summary>
    /// <exception cref="InvalidOperationException">The unit is not a municipality or district.</exception>
    public UnitCode County => IsCaptureUnit
        ? new UnitCode(Value[..2], UnitKind.County)
        : throw new InvalidOperationException($"{Value} ligger ikke i et fylke.");

    /// <summary>The municipality of a district (<c>030112</c> → <c>0301</c>); a municipality is its own.</summary>
    /// <exception cref="InvalidOperationException">The unit is not a municipality or district.</exception>
    public UnitCode Municipality => Kind switch
    {
        UnitKind.Municipality => this,
        UnitKind.District => new UnitCode(Value[..4], UnitKind.Municipality),
        _ => throw new InvalidOperationException($"{Value} er ikke en kommune eller bydel."),
    };

    /// <summary>A municipality, district, county, country or office code.</summary>
    /// <exception cref="FormatException">The text is none of them.</exception>
    public static UnitCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' er ikke en enhetskode (kommune 4 siffer, bydel 6, fylke 2, landet 0, NAV-kontor NAV-nnnn).");

    /// <summary>Parses a unit code; see <see cref="Parse"/>.</summary>
    public static bool TryParse(string? text, out UnitCode code)
    {
        code = default;
        if (string.IsNullOrEmpty(text)) return false;
        if (text.StartsWith(OfficePrefix, StringComparison.Ordinal))
        {
            var number = text.AsSpan(OfficePrefix.Length);
            if (number.Length is < 1 or > 8 || !AllDigits(number)) return false;
            code = new UnitCode(text, UnitKind.Office);
            return true;
        }
        if (!AllDigits(text)) return false;
        UnitKind? kind = text.Length switch
        {
            1 when text == "0" => UnitKind.Country,
            2 => UnitKind.County,
            4 => UnitKind.Municipality,
            6 => UnitKind.District,
            _ => null,
        };
        if (kind is null) return false;
        code = new UnitCode(text, kind.Value);
        return true;
    }

    /// <summary>The code of the office with this NAV office number.</summary>
    /// <exception cref="FormatException">The number is not 1–8 digits.</exception>
    public static UnitCode Office(string officeNumber) => Parse(OfficePrefix + officeNumber);

    /// <summary>The office number of an office code.</summary>
    public string OfficeNumber => Kind == UnitKind.Office ? Value[OfficePrefix.Length..] : throw new InvalidOperationException($"{Value} er ikke et NAV-kontor.");

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text) if (c is < '0' or > '9') return false;
        return true;
    }

    /// <summary>Orders by kind (country, counties, municipalities, districts, offices) and then by code.</summary>
    public int CompareTo(UnitCode other)
    {
        var byKind = Kind.CompareTo(other.Kind);
        return byKind != 0 ? byKind : string.CompareOrdinal(Value, other.Value);
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
