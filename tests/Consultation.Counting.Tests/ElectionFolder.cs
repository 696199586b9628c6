namespace Consultation.Counting.Tests;

/// <summary>
/// Finds ../shared/elections beside the repository: walks up from the running program to the folder holding
/// Consultation.sln. Shared with the benchmarks, which link this file.
/// </summary>
internal static class ElectionFolder
{
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Consultation.sln")))
            {
                var elections = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "elections"));
                return Directory.Exists(elections) ? elections : null;
            }
        }
        return null;
    }
}
