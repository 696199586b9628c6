using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Mediator;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// The lead organisation withdraws a submitted position. The record stays readable, marked withdrawn: others may have
/// co-signed, endorsed or discussed it.
/// </summary>
public static class WithdrawSubmission
{
    public sealed record Command(Guid SubmissionId) : ICommand<Result>, ISignedInRequest;

    public enum Result { Withdrawn, NotSubmitted }

    public sealed class Handler(Db db, Caller caller, AccessRules rules, TimeProvider clock) : ICommandHandler<Command, Result>
    {
        const string WithdrawSql = "UPDATE submission SET status = 'withdrawn', updated_at = @Now WHERE id = @Id AND status = 'submitted'";

        public async ValueTask<Result> Handle(Command c, CancellationToken ct)
        {
            await SubmissionAccess.WritableAsync(db, caller, rules, c.SubmissionId, ct);
            if (await db.ExecuteAsync(WithdrawSql, new { Id = c.SubmissionId, Now = clock.GetUtcNow() }, ct) == 0)
            {
                return Result.NotSubmitted;
            }
            db.AfterCommit(new SubmissionsChanged());
            return Result.Withdrawn;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder submissions) =>
        submissions.MapPost("/{id:guid}/withdraw", async (Guid id, ISender sender, CancellationToken ct) =>
                await sender.Send(new Command(id), ct) switch
                {
                    Result.Withdrawn => Results.NoContent(),
                    _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Only a submitted position can be withdrawn."),
                })
            .WithName("WithdrawSubmission")
            .WithSummary("Withdraw a submitted position; it stays readable, marked withdrawn.");
}
