using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Dapper;
using Mediator;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// A submission's page: its text, tags, the organisations that signed or endorsed it, and the authors who agreed to be
/// named. Public once submitted (withdrawn ones too); a draft only for the lead organisation's members.
/// </summary>
public static class GetSubmission
{
    public sealed record Query(Guid Id) : IQuery<Result>;

    public sealed record Result
    {
        public Guid Id { get; init; }
        public Guid ConsultationId { get; init; }
        public string ConsultationTitle { get; init; } = "";
        public Guid OrganisationId { get; init; }
        public string OrganisationName { get; init; } = "";
        public string Title { get; init; } = "";
        public string Summary { get; init; } = "";
        public string Body { get; init; } = "";
        public string BodyHtml { get; init; } = "";
        public string Language { get; init; } = "";
        public string Attribution { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTimeOffset? SubmittedAt { get; init; }
        public int CurrentVersion { get; init; }
        public bool IsLeadMember { get; set; }
        /// <summary>Hidden by a moderator: then only the lead organisation's members see it.</summary>
        public bool Hidden { get; set; }
        /// <summary>True when the caller was named and has not agreed yet.</summary>
        public bool AwaitsMyAgreement { get; set; }
        public IReadOnlyList<Tag> Priorities { get; set; } = [];
        public IReadOnlyList<Tag> Objectives { get; set; } = [];
        public IReadOnlyList<Organisation> Signatories { get; set; } = [];
        public IReadOnlyList<Organisation> Endorsements { get; set; } = [];
        public IReadOnlyList<string> NamedAuthors { get; set; } = [];
        /// <summary>Only for the lead organisation's members: everyone named, agreed or not, to edit the list.</summary>
        public IReadOnlyList<Guid> NamedAuthorIds { get; set; } = [];
    }

    public sealed record Tag
    {
        public string Code { get; init; } = "";
        public string Title { get; init; } = "";
    }

    public sealed record Organisation
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Role { get; init; } = "";
    }

    sealed record Author
    {
        public Guid UserId { get; init; }
        public string DisplayName { get; init; } = "";
        public bool Agreed { get; init; }
    }

    public sealed class Handler(Db db, Caller caller, AccessRules rules) : IQueryHandler<Query, Result>
    {
        const string Sql = """
            SELECT s.id AS Id, s.consultation_id AS ConsultationId, c.title AS ConsultationTitle, s.organisation_id AS OrganisationId,
                   o.name AS OrganisationName, s.title AS Title, s.summary AS Summary, s.body AS Body, s.body_html AS BodyHtml,
                   s.language AS Language, s.attribution AS Attribution, s.status AS Status, s.submitted_at AS SubmittedAt,
                   s.current_version AS CurrentVersion
            FROM submission s JOIN consultation c ON c.id = s.consultation_id JOIN organisation o ON o.id = s.organisation_id
            WHERE s.id = @Id;
            SELECT p.code AS Code, p.title AS Title FROM submission_priority sp JOIN key_priority p ON p.code = sp.priority_code
            WHERE sp.submission_id = @Id ORDER BY p.code;
            SELECT CAST(g.number AS TEXT) AS Code, g.title AS Title FROM submission_objective so JOIN gcm_objective g ON g.number = so.objective_number
            WHERE so.submission_id = @Id ORDER BY g.number;
            SELECT o.id AS Id, o.name AS Name, ss.role AS Role FROM submission_signatory ss JOIN organisation o ON o.id = ss.organisation_id
            WHERE ss.submission_id = @Id AND ss.status = 'signed' ORDER BY CASE WHEN ss.role = 'lead' THEN 0 ELSE 1 END, ss.responded_at, o.name;
            SELECT o.id AS Id, o.name AS Name, 'endorser' AS Role FROM submission_endorsement se JOIN organisation o ON o.id = se.organisation_id
            WHERE se.submission_id = @Id ORDER BY se.endorsed_at, o.name;
            SELECT a.user_id AS UserId, u."DisplayName" AS DisplayName, (a.agreed_at IS NOT NULL) AS Agreed
            FROM submission_author a JOIN "AspNetUsers" u ON u."Id" = a.user_id
            WHERE a.submission_id = @Id ORDER BY a.invited_at, u."DisplayName";
            """;

        public async ValueTask<Result> Handle(Query q, CancellationToken ct)
        {
            var state = await SubmissionAccess.VisibleAsync(db, caller, rules, q.Id, ct);
            using var results = await db.QueryMultipleAsync(Sql, new { q.Id }, ct);
            var submission = await results.ReadSingleAsync<Result>();
            submission.IsLeadMember = state.IsLeadMember;
            submission.Hidden = state.Hidden;
            submission.Priorities = (await results.ReadAsync<Tag>()).AsList();
            submission.Objectives = (await results.ReadAsync<Tag>()).AsList();
            submission.Signatories = (await results.ReadAsync<Organisation>()).AsList();
            submission.Endorsements = (await results.ReadAsync<Organisation>()).AsList();
            var authors = (await results.ReadAsync<Author>()).AsList();
            // Named attribution shows only those who agreed; organisation attribution shows nobody.
            submission.NamedAuthors = submission.Attribution == "named" ? authors.Where(a => a.Agreed).Select(a => a.DisplayName).ToArray() : [];
            submission.NamedAuthorIds = state.IsLeadMember ? authors.Select(a => a.UserId).ToArray() : [];
            submission.AwaitsMyAgreement = authors.Any(a => a.UserId == caller.UserId && !a.Agreed);
            return submission;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder submissions) =>
        submissions.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new Query(id), ct)))
            .WithName("GetSubmission")
            .WithSummary("A submission with its tags, signatories, endorsements and the named authors who agreed.");
}
