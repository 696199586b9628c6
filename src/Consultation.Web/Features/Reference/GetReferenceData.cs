using Consultation.Web.Infrastructure.Database;
using Dapper;
using Mediator;

namespace Consultation.Web.Features.Reference;

/// <summary>
/// The fixed lists forms and filters offer: key priorities, GCM objectives, countries and M49 regions.
/// Seeded by db/ migrations, never edited at run time.
/// </summary>
public static class GetReferenceData
{
    public sealed record Query : IQuery<Result>;

    public sealed record Result(
        IReadOnlyList<KeyPriority> KeyPriorities,
        IReadOnlyList<GcmObjective> GcmObjectives,
        IReadOnlyList<Region> Regions,
        IReadOnlyList<Country> Countries);

    public sealed record KeyPriority
    {
        public string Code { get; init; } = "";
        public string Title { get; init; } = "";
    }

    public sealed record GcmObjective
    {
        public int Number { get; init; }
        public string Title { get; init; } = "";
    }

    public sealed record Region
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string? ParentCode { get; init; }
    }

    public sealed record Country
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string RegionCode { get; init; } = "";
    }

    public sealed class Handler(Db db) : IQueryHandler<Query, Result>
    {
        const string Sql = """
            SELECT code AS Code, title AS Title FROM key_priority ORDER BY code;
            SELECT number AS Number, title AS Title FROM gcm_objective ORDER BY number;
            SELECT code AS Code, name AS Name, parent_code AS ParentCode FROM region ORDER BY code;
            SELECT code AS Code, name AS Name, region_code AS RegionCode FROM country ORDER BY name;
            """;

        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            using var lists = await db.QueryMultipleAsync(Sql, null, ct);
            return new Result(
                (await lists.ReadAsync<KeyPriority>()).AsList(),
                (await lists.ReadAsync<GcmObjective>()).AsList(),
                (await lists.ReadAsync<Region>()).AsList(),
                (await lists.ReadAsync<Country>()).AsList());
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder reference) =>
        reference.MapGet("/", async (ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new Query(), ct)))
            .WithName("GetReferenceData")
            .WithSummary("Key priorities, GCM objectives, M49 regions and ISO 3166-1 countries.");
}
