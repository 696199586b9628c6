using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;

namespace Consultation.Web.Features.Reports;

/// <summary>
/// A consultation's synthesis report: its inputs grouped by key priority and by GCM objective, with counts per group
/// and overall. The submissions themselves come with it only up to <see cref="ReportData.DirectLimit"/>; a larger
/// report shows its numbers and charts, and its full listing is downloaded (built in the background).
/// </summary>
public static class GetSynthesisReport
{
    public sealed record Query(Guid ConsultationId) : IQuery<Result>;

    public sealed record Result(
        ReportConsultation Consultation,
        ReportCounts Counts,
        IReadOnlyDictionary<string, string> PriorityTitles,
        IReadOnlyDictionary<int, string> ObjectiveTitles,
        IReadOnlyList<ReportSubmission>? Submissions)
    {
        public bool IsLarge => Submissions is null;

        public IEnumerable<ReportSubmission> UnderPriority(string code) =>
            Submissions?.Where(s => s.Priorities.Contains(code)) ?? [];

        public IEnumerable<ReportSubmission> UnderObjective(int number) =>
            Submissions?.Where(s => s.Objectives.Contains(number)) ?? [];
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.ConsultationId).NotEmpty();
    }

    public sealed class Handler(Db db, ReportAccess access) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query q, CancellationToken ct)
        {
            var consultation = await access.RequireReadableAsync(q.ConsultationId, ct);
            var counts = await ReportData.CountsAsync(db, q.ConsultationId, ct);
            var submissions = counts.Overall.Submissions <= ReportData.DirectLimit
                ? await ReportData.PageAsync(db, q.ConsultationId, Guid.Empty, ReportData.DirectLimit, ct)
                : null;
            return new Result(
                consultation,
                counts,
                counts.ByPriority.ToDictionary(g => g.Key, g => g.Title),
                counts.ByObjective.ToDictionary(g => int.Parse(g.Key, System.Globalization.CultureInfo.InvariantCulture), g => g.Title),
                submissions);
        }
    }
}
