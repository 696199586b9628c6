using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Comments;

/// <summary>The current sequence of an open thread: what a live client joining it starts from.</summary>
public static class GetThreadSequence
{
    public sealed record Query(Guid SubmissionId) : IQuery<long>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.SubmissionId).NotEmpty();
    }

    public sealed class Handler(Db db) : IQueryHandler<Query, long>
    {
        public async ValueTask<long> Handle(Query query, CancellationToken ct) =>
            (await CommentThreads.RequireOpenAsync(db, query.SubmissionId, ct)).Sequence;
    }
}
