using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Mediator;

namespace Consultation.Web.Features.Submissions;

/// <summary>
/// A person named as an author agrees to appear by name. Until then the submission does not show them: being named
/// can put someone at risk, so only they decide.
/// </summary>
public static class AgreeToBeNamed
{
    public sealed record Command(Guid SubmissionId) : ICommand<Unit>, ISignedInRequest;

    public sealed class Handler(Db db, Caller caller, TimeProvider clock) : ICommandHandler<Command, Unit>
    {
        const string AgreeSql = """
            UPDATE submission_author SET agreed_at = COALESCE(agreed_at, @Now) WHERE submission_id = @Id AND user_id = @UserId
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            if (await db.ExecuteAsync(AgreeSql, new { Id = c.SubmissionId, UserId = caller.RequiredUserId, Now = clock.GetUtcNow() }, ct) == 0)
            {
                throw new NotFoundException("Your invitation to be named");
            }
            return Unit.Value;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder submissions) =>
        submissions.MapPost("/{id:guid}/agree-to-be-named", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(id), ct);
                return Results.NoContent();
            })
            .WithName("AgreeToBeNamed")
            .WithSummary("Agree to be shown as a named author of a submission.");
}
