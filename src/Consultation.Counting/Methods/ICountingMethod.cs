using Consultation.Counting.Ballots;

namespace Consultation.Counting.Methods;

public interface ICountingMethod
{
    /// <summary>The name used on the command line and in results, e.g. <c>scottish-stv</c>.</summary>
    string Name { get; }

    CountResult Count(Election election, CountOptions options, CancellationToken cancellation = default);
}

public static class CountingMethods
{
    public static IReadOnlyList<ICountingMethod> All { get; } = [new ScottishStv(), new MeekStv(), new BlockApproval()];

    public static ICountingMethod? Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
}
