using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Mediator;

namespace Consultation.Web.Features.Submissions;

/// <summary>A member of the lead organisation submits its draft while the consultation is open: it becomes public as version 1.</summary>
public static class SubmitSubmission
{
    public sealed record Command(Guid SubmissionId) : ICommand<Result>, ISignedInRequest;

    public enum Result { Submitted, NotADraft, ConsultationNotOpen }

    public sealed class Handler(Db db, Caller caller, AccessRules rules, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        const string SubmitSql = """
            UPDATE submission SET status = 'submitted', submitted_at = @Now, updated_at = @Now, current_version = 1
            WHERE id = @Id AND status = 'draft';
            INSERT INTO submission_version (submission_id, number, title, summary, body, language, edited_by, edited_at)
            SELECT id, 1, title, summary, body, language, @UserId, @Now FROM submission WHERE id = @Id;
            """;

        public async ValueTask<Result> Handle(Command c, CancellationToken ct)
        {
            var state = await SubmissionAccess.PublishableAsync(db, caller, rules, c.SubmissionId, ct);
            if (state.Status != "draft")
            {
                return Result.NotADraft;
            }
            if (state.ConsultationStatus != "open")
            {
                return Result.ConsultationNotOpen;
            }
            await db.ExecuteAsync(SubmitSql, new { Id = c.SubmissionId, UserId = caller.RequiredUserId, Now = clock.GetUtcNow() }, ct);
            db.AfterCommit(new SubmissionsChanged());
            return Result.Submitted;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder submissions) =>
        submissions.MapPost("/{id:guid}/submit", async (Guid id, ISender sender, CancellationToken ct) =>
                await sender.Send(new Command(id), ct) switch
                {
                    Result.Submitted => Results.NoContent(),
                    Result.NotADraft => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The submission was already submitted."),
                    _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The consultation is not open."),
                })
            .WithName("SubmitSubmission")
            .WithSummary("Submit a draft to its consultation while the consultation is open.");
}
