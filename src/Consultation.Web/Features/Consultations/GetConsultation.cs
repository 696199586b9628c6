using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Dapper;
using Mediator;

namespace Consultation.Web.Features.Consultations;

/// <summary>
/// A consultation's public page: its terms and the positions submitted to it. A draft is shown only to those who run
/// it; to everyone else it does not exist (404).
/// </summary>
public static class GetConsultation
{
    public sealed record Query(Guid Id) : IQuery<Result>;

    public sealed record Result
    {
        public Guid Id { get; init; }
        public Guid? NetworkId { get; init; }
        public string? NetworkName { get; init; }
        public Guid? OrganisationId { get; init; }
        public string? OrganisationName { get; init; }
        public string Title { get; init; } = "";
        public string Description { get; init; } = "";
        public string DescriptionHtml { get; init; } = "";
        public string Scope { get; init; } = "";
        public string? CountryCode { get; init; }
        public string? CountryName { get; init; }
        public string? RegionCode { get; init; }
        public string? RegionName { get; init; }
        public string FeedsReport { get; init; } = "";
        public DateTimeOffset OpensAt { get; init; }
        public DateTimeOffset ClosesAt { get; init; }
        public string Status { get; init; } = "";
        public bool PreModeration { get; init; }
        public bool MayManage { get; set; }
        public IReadOnlyList<SubmissionItem> Submissions { get; set; } = [];
    }

    public sealed record SubmissionItem
    {
        public Guid Id { get; init; }
        public string Title { get; init; } = "";
        public string Summary { get; init; } = "";
        public Guid OrganisationId { get; init; }
        public string OrganisationName { get; init; } = "";
    }

    public sealed class Handler(Db db, Caller caller, AccessRules rules) : IQueryHandler<Query, Result>
    {
        const string Sql = """
            SELECT c.id AS Id, c.network_id AS NetworkId, n.name AS NetworkName, c.organisation_id AS OrganisationId,
                   o.name AS OrganisationName, c.title AS Title, c.description AS Description, c.description_html AS DescriptionHtml,
                   c.scope AS Scope, c.country_code AS CountryCode, co.name AS CountryName, c.region_code AS RegionCode,
                   r.name AS RegionName, c.feeds_report AS FeedsReport, c.opens_at AS OpensAt, c.closes_at AS ClosesAt,
                   c.status AS Status, c.pre_moderation AS PreModeration
            FROM consultation c
            LEFT JOIN country co ON co.code = c.country_code
            LEFT JOIN region r ON r.code = c.region_code
            LEFT JOIN network n ON n.id = c.network_id
            LEFT JOIN organisation o ON o.id = c.organisation_id
            WHERE c.id = @Id;
            SELECT s.id AS Id, s.title AS Title, s.summary AS Summary, s.organisation_id AS OrganisationId, o.name AS OrganisationName
            FROM submission s JOIN organisation o ON o.id = s.organisation_id
            WHERE s.consultation_id = @Id AND s.status = 'submitted' AND s.hidden = @False
            ORDER BY s.submitted_at, s.id;
            """;

        public async ValueTask<Result> Handle(Query q, CancellationToken ct)
        {
            Result? consultation;
            IReadOnlyList<SubmissionItem> submissions;
            using (var results = await db.QueryMultipleAsync(Sql, new { q.Id, False = false }, ct))
            {
                consultation = await results.ReadSingleOrDefaultAsync<Result>();
                submissions = (await results.ReadAsync<SubmissionItem>()).AsList();
            }
            if (consultation is null)
            {
                throw new NotFoundException("The consultation");
            }
            consultation.MayManage = caller.UserId is { } userId
                && await ConsultationAuthority.MayManageAsync(rules, db, userId, consultation.NetworkId, consultation.OrganisationId, ct);
            if (consultation.Status == "draft" && !consultation.MayManage)
            {
                throw new NotFoundException("The consultation");
            }
            consultation.Submissions = submissions;
            return consultation;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder consultations) =>
        consultations.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new Query(id), ct)))
            .WithName("GetConsultation")
            .WithSummary("A consultation with its submitted positions (drafts only for those who run them).");
}
