using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Submissions;

/// <summary>What changed between two versions of a submission: title, summary and text, word by word.</summary>
public static class DiffSubmissionVersions
{
    public sealed record Query(Guid Id, int From, int To) : IQuery<Result>;

    public sealed record Result(Guid Id, int From, int To, IReadOnlyList<WordDiff.Part> Title, IReadOnlyList<WordDiff.Part> Summary,
        IReadOnlyList<WordDiff.Part> Body);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<SubmissionMessages> text)
        {
            RuleFor(q => q.From).GreaterThanOrEqualTo(1).WithMessage(_ => text["Versions are numbered from 1."]);
            RuleFor(q => q.To).GreaterThanOrEqualTo(1).WithMessage(_ => text["Versions are numbered from 1."]);
        }
    }

    sealed record Version
    {
        public string Title { get; init; } = "";
        public string Summary { get; init; } = "";
        public string Body { get; init; } = "";
    }

    public sealed class Handler(Db db, Caller caller, AccessRules rules) : IQueryHandler<Query, Result>
    {
        const string VersionSql = """
            SELECT title AS Title, summary AS Summary, body AS Body FROM submission_version WHERE submission_id = @Id AND number = @Number
            """;

        public async ValueTask<Result> Handle(Query q, CancellationToken ct)
        {
            await SubmissionAccess.VisibleAsync(db, caller, rules, q.Id, ct);
            var from = await db.QuerySingleOrDefaultAsync<Version>(VersionSql, new { q.Id, Number = q.From }, ct)
                ?? throw new NotFoundException($"Version {q.From}");
            var to = await db.QuerySingleOrDefaultAsync<Version>(VersionSql, new { q.Id, Number = q.To }, ct)
                ?? throw new NotFoundException($"Version {q.To}");
            return new Result(q.Id, q.From, q.To, WordDiff.Compare(from.Title, to.Title), WordDiff.Compare(from.Summary, to.Summary),
                WordDiff.Compare(from.Body, to.Body));
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder submissions) =>
        submissions.MapGet("/{id:guid}/diff", async (Guid id, int from, int to, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new Query(id, from, to), ct)))
            .WithName("DiffSubmissionVersions")
            .WithSummary("A word diff of title, summary and text between two versions: parts marked Same, Inserted or Deleted.");
}
