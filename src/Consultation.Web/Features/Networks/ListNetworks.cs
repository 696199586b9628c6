using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Web;
using Dapper;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Networks;

/// <summary>The public list of networks, searched by name or description, a page at a time.</summary>
public static class ListNetworks
{
    public const int PageSize = 20;
    public const int SearchMaxLength = 100;

    public sealed record Query(string? Search, int Page = 1) : IQuery<Paged<Item>>;

    public sealed record Item
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Description { get; init; } = "";
        public long MemberCount { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<NetworkMessages> text)
        {
            RuleFor(q => q.Search).MaximumLength(SearchMaxLength).WithMessage(_ => text["Search for at most {0} characters.", SearchMaxLength]);
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage(_ => text["Pages are numbered from 1."]);
        }
    }

    public sealed class Handler(Db db) : IQueryHandler<Query, Paged<Item>>
    {
        // LOWER on both sides: LIKE ignores case in SQLite but not in PostgreSQL. The pattern's own % and _ are escaped.
        const string Matching = """
            FROM network n
            WHERE @Pattern IS NULL OR LOWER(n.name) LIKE @Pattern ESCAPE '\' OR LOWER(n.description) LIKE @Pattern ESCAPE '\'
            """;
        const string Sql = $"""
            SELECT COUNT(*) {Matching};
            SELECT n.id AS Id, n.name AS Name, n.description AS Description,
                   (SELECT COUNT(*) FROM network_membership m WHERE m.network_id = n.id AND m.status = 'member') AS MemberCount
            {Matching}
            ORDER BY LOWER(n.name), n.id
            LIMIT @Take OFFSET @Skip;
            """;

        public async ValueTask<Paged<Item>> Handle(Query q, CancellationToken ct)
        {
            var search = q.Search?.Trim();
            var pattern = string.IsNullOrEmpty(search)
                ? null
                : "%" + search.ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
                    .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            using var results = await db.QueryMultipleAsync(Sql, new { Pattern = pattern, Take = PageSize, Skip = (q.Page - 1) * PageSize }, ct);
            var total = await results.ReadSingleAsync<long>();
            return new Paged<Item>((await results.ReadAsync<Item>()).AsList(), q.Page, PageSize, total);
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder networks) =>
        networks.MapGet("/", async (string? search, int? page, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new Query(search, page ?? 1), ct)))
            .WithName("ListNetworks")
            .WithSummary("Networks whose name or description contains the search text, 20 to a page.");
}
