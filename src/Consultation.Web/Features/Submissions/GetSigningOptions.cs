using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Mediator;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// What the caller may do on a submission's signatories page, as the organisations they represent: invite (the
/// lead's representatives), answer an invitation, withdraw a signature, endorse or withdraw an endorsement.
/// </summary>
public static class GetSigningOptions
{
    public const int MostInviteChoices = 500;

    public sealed record Query(Guid SubmissionId) : IQuery<Result>;

    public sealed record Result(
        string Title,
        string Status,
        bool IsLeadRepresentative,
        IReadOnlyList<Choice> InviteChoices,
        IReadOnlyList<Choice> InvitedAs,
        IReadOnlyList<Choice> SignedAs,
        IReadOnlyList<Choice> EndorseAs,
        IReadOnlyList<Choice> EndorsedAs);

    /// <summary>An organisation, with the caller's relation to this submission through it.</summary>
    public sealed record Choice
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string? SignatoryStatus { get; init; }
        public string? SignatoryRole { get; init; }
        public string Status { get; init; } = "";
        public bool Endorsed { get; init; }
    }

    public sealed class Handler(Db db, Caller caller, AccessRules rules) : IQueryHandler<Query, Result>
    {
        const string MineSql = """
            SELECT o.id AS Id, o.name AS Name, o.status AS Status, s.status AS SignatoryStatus, s.role AS SignatoryRole,
                   CASE WHEN e.organisation_id IS NULL THEN 0 ELSE 1 END AS Endorsed
            FROM organisation_member m
            JOIN organisation o ON o.id = m.organisation_id
            LEFT JOIN submission_signatory s ON s.submission_id = @SubmissionId AND s.organisation_id = o.id
            LEFT JOIN submission_endorsement e ON e.submission_id = @SubmissionId AND e.organisation_id = o.id
            WHERE m.user_id = @UserId AND m.role = 'representative'
            ORDER BY o.name, o.id
            """;
        // Verified organisations not yet asked: the lead's representatives choose among them.
        const string InviteChoicesSql = """
            SELECT o.id AS Id, o.name AS Name, o.status AS Status
            FROM organisation o
            WHERE o.status = 'verified'
              AND NOT EXISTS (SELECT 1 FROM submission_signatory s WHERE s.submission_id = @SubmissionId AND s.organisation_id = o.id)
            ORDER BY o.name, o.id
            LIMIT @Limit
            """;

        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var (submission, _) = await db.VisibleSubmissionAsync(caller, rules, query.SubmissionId, ct);
            IReadOnlyList<Choice> mine = caller.UserId is { } userId
                ? await db.QueryAsync<Choice>(MineSql, new { query.SubmissionId, UserId = userId }, ct)
                : [];
            var isLeadRepresentative = mine.Any(o => o.Id == submission.LeadOrganisationId);
            var open = submission.Status != "withdrawn";
            var endorsable = submission.Status == "submitted" && !submission.Hidden;
            return new Result(
                submission.Title,
                submission.Status,
                isLeadRepresentative,
                isLeadRepresentative && open ? await db.QueryAsync<Choice>(InviteChoicesSql, new { query.SubmissionId, Limit = MostInviteChoices }, ct) : [],
                open ? mine.Where(o => o.SignatoryStatus == "invited").ToList() : [],
                open ? mine.Where(o => o.SignatoryStatus == "signed" && o.SignatoryRole == "co-signer").ToList() : [],
                endorsable ? mine.Where(o => o.Status == "verified" && o.SignatoryStatus != "signed" && !o.Endorsed).ToList() : [],
                mine.Where(o => o.Endorsed).ToList());
        }
    }
}
