using System.Text.Json;
using Malekort.Capture;

namespace Malekort.Import;

/// <summary>
/// A read batch as one comparable text, for tests that read the same input two ways (whole and streamed): every record list
/// and the hash as JSON (records hold lists, which compare by reference), the header by value.
/// </summary>
internal static class BatchSnapshot
{
    public static string Of(CaptureBatch? batch) => batch is null ? "" : JsonSerializer.Serialize(new
    {
        Header = batch.Header.ToString(),
        batch.ContentHash,
        batch.Persons,
        batch.BenefitTypes,
        batch.Payments,
        batch.Livelihood,
        batch.Family,
        batch.CaseTypes,
        batch.Cases,
        batch.Kvp,
        batch.Jobseekers,
        batch.Followups,
        batch.Conditions,
        batch.Exemptions,
        batch.Sanctions,
    });
}
