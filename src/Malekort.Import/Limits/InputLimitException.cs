namespace Malekort.Import.Limits;

/// <summary>
/// An input past one of <see cref="InputLimits"/>. An <see cref="IOException"/>, so every reader that turns a file it cannot
/// read into a finding does so with this message, which names the limit.
/// </summary>
public sealed class InputLimitException(string message) : IOException(message);
