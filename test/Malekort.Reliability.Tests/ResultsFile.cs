namespace Malekort.Reliability;

/// <summary>A run's measurements as Markdown, for <c>./malekort reliability</c> to put into <c>docs/reliability.md</c>.</summary>
internal static class ResultsFile
{
    public static void Write(string name, string markdown)
    {
        Directory.CreateDirectory(ReliabilitySettings.ResultsFolder);
        File.WriteAllText(Path.Combine(ReliabilitySettings.ResultsFolder, name + ".md"), markdown);
        TestContext.Current.SendDiagnosticMessage(markdown);
    }
}
