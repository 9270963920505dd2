namespace Malekort.Import.Digisos;

// The events of digisos-soker.json (digisos.md §1.3–1.4) as far as they matter for the indicators. Every event keeps
// its position in the file (for NAV's stable ordering) and its line (for findings).

/// <summary>One hendelse: its type as written, when it happened (UTC), its index in the file and its line.</summary>
internal abstract record Hendelse(string Type, DateTimeOffset At, int Index, int Line);

/// <summary><c>soknadsStatus</c>: the status of the søknad as a whole.</summary>
internal sealed record SoknadsStatusHendelse(DateTimeOffset At, int Index, int Line, string? Status)
    : Hendelse(DigisosSchema.SoknadsStatus, At, Index, Line);

/// <summary><c>tildeltNavKontor</c>: the søknad was (re)assigned to a NAV office (4-digit enhetsnummer).</summary>
internal sealed record TildeltNavKontorHendelse(DateTimeOffset At, int Index, int Line, string? NavKontor)
    : Hendelse(DigisosSchema.TildeltNavKontor, At, Index, Line);

/// <summary><c>saksStatus</c>: a sak inside the søknad was created or changed.</summary>
internal sealed record SaksStatusHendelse(DateTimeOffset At, int Index, int Line, string Referanse, string? Status)
    : Hendelse(DigisosSchema.SaksStatus, At, Index, Line);

/// <summary><c>vedtakFattet</c>: a decision on a sak (or, without a saksreferanse, on the søknad).</summary>
internal sealed record VedtakFattetHendelse(DateTimeOffset At, int Index, int Line, string? Saksreferanse)
    : Hendelse(DigisosSchema.VedtakFattet, At, Index, Line);

/// <summary><c>utbetaling</c>: one version of a payment; a later event with the same reference replaces it.</summary>
internal sealed record UtbetalingHendelse(
    DateTimeOffset At,
    int Index,
    int Line,
    string Referanse,
    string? Saksreferanse,
    string? Status,
    decimal? Belop,
    DateOnly? Forfallsdato,
    DateOnly? Utbetalingsdato,
    DateOnly? Fom,
    DateOnly? Tom)
    : Hendelse(DigisosSchema.Utbetaling, At, Index, Line);

/// <summary>Any other event: known types the indicators do not use (vilkar, dokumentasjonkrav …) and unknown types.</summary>
internal sealed record OtherHendelse(string Type, DateTimeOffset At, int Index, int Line) : Hendelse(Type, At, Index, Line);
