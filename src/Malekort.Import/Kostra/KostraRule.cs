using Malekort.DataQuality;

namespace Malekort.Import.Kostra;

/// <summary>One of SSB's control rules: its id as SSB numbers it (<c>026</c>, <c>020B</c>), SSB's severity and title.</summary>
internal sealed record KostraRule(string Id, Severity Severity, string Title);
