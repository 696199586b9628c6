using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Mediator;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// The organisations that signed a submission, lead first. The lead organisation's members also see who is invited
/// and who declined; nobody else learns that an organisation was asked and said no.
/// </summary>
public static class ListSignatories
{
    public sealed record Query(Guid SubmissionId) : IQuery<IReadOnlyList<Signatory>>;

    public sealed record Signatory
    {
        public Guid OrganisationId { get; init; }
        public string Name { get; init; } = "";
        public string Role { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTimeOffset InvitedAt { get; init; }
        public DateTimeOffset? RespondedAt { get; init; }
    }

    public sealed class Handler(Db db, Caller caller, AccessRules rules) : IQueryHandler<Query, IReadOnlyList<Signatory>>
    {
        const string Sql = """
            SELECT s.organisation_id AS OrganisationId, o.name AS Name, s.role AS Role, s.status AS Status,
                   s.invited_at AS InvitedAt, s.responded_at AS RespondedAt
            FROM submission_signatory s JOIN organisation o ON o.id = s.organisation_id
            WHERE s.submission_id = @SubmissionId AND (s.status = 'signed' OR @All = @True)
            ORDER BY CASE WHEN s.role = 'lead' THEN 0 ELSE 1 END, o.name, s.organisation_id
            """;

        public async ValueTask<IReadOnlyList<Signatory>> Handle(Query query, CancellationToken ct)
        {
            var (_, isLeadMember) = await db.VisibleSubmissionAsync(caller, rules, query.SubmissionId, ct);
            return await db.QueryAsync<Signatory>(Sql, new { query.SubmissionId, All = isLeadMember, True = true }, ct);
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder submissions) =>
        submissions.MapGet("/{submissionId:guid}/signatories", async (Guid submissionId, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new Query(submissionId), ct)))
            .WithName("ListSignatories")
            .WithSummary("The organisations that signed a submission (the lead's members also see invited and declined ones).");
}
