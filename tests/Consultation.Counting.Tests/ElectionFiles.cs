using Consultation.Counting.Ballots;

namespace Consultation.Counting.Tests;

/// <summary>
/// Finds the published elections in ../shared/elections beside the repository (the folder holding
/// Consultation.sln). They are read in place and never copied into the repository.
/// </summary>
internal static class ElectionFiles
{
    public const string SkipReason = "skipped: ../shared/elections not present";

    public static string? Root { get; } = ElectionFolder.Find();

    /// <summary>Skips the calling test when the data folder is absent; otherwise gives the full path of a data file.</summary>
    public static string Path(string relative)
    {
        Assert.SkipWhen(Root is null, SkipReason);
        return System.IO.Path.Combine(Root!, relative);
    }

    public static Election Read(string relative) => Blt.Read(Path(relative));

    /// <summary>Rows of a comma-separated file, without the header; empty when the data is absent.</summary>
    public static IEnumerable<string[]> Csv(string relative) =>
        Root is null
            ? []
            : File.ReadLines(System.IO.Path.Combine(Root, relative)).Skip(1).Select(line => line.Split(','));

    /// <summary>Theory rows for every data item, or one placeholder row that skips when the data is absent.</summary>
    public static TheoryData<string> Cases(Func<string, IEnumerable<string>> list, string folder) =>
        Root is null ? new TheoryData<string>("absent") : new TheoryData<string>(list(System.IO.Path.Combine(Root, folder)));
}
