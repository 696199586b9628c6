using System.Text.RegularExpressions;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Consultation.Web.Features.Submissions;

/// <summary>What the writers of a submission send, when drafting it and when editing it.</summary>
public sealed partial record SubmissionText
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 1000;
    public const int BodyMaxLength = 40000;
    public static readonly string[] Attributions = ["organisation", "named"];

    public string? Title { get; init; }
    public string? Summary { get; init; }
    public string? Body { get; init; }
    /// <summary>An ISO 639-1 code: the interface languages (en, fr, es, ar) or any other.</summary>
    public string? Language { get; init; }
    // The lists start as fresh List<T>, not []: MVC form binding adds to an existing collection and skips a read-only
    // one such as the empty array [] gives, so checkboxes posted to the draft and edit pages would be lost.
    public IReadOnlyList<string> PriorityCodes { get; init; } = new List<string>();
    public IReadOnlyList<int> ObjectiveNumbers { get; init; } = new List<int>();
    public string? Attribution { get; init; }
    /// <summary>Members of the lead organisation to name as authors; each is shown only after agreeing.</summary>
    public IReadOnlyList<Guid> NamedAuthorIds { get; init; } = new List<Guid>();

    public string CleanLanguage => Language!.Trim().ToLowerInvariant();

    public IReadOnlyList<Guid> Authors => Attribution == "named" ? NamedAuthorIds.Distinct().ToArray() : [];

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex Iso639Part1();

    public sealed class Validator : AbstractValidator<SubmissionText>
    {
        const string SqlitePrioritiesSql = "SELECT COUNT(*) FROM key_priority WHERE code IN @Codes";
        const string PostgresPrioritiesSql = "SELECT COUNT(*) FROM key_priority WHERE code = ANY(@Codes)";
        const string SqliteObjectivesSql = "SELECT COUNT(*) FROM gcm_objective WHERE number IN @Numbers";
        const string PostgresObjectivesSql = "SELECT COUNT(*) FROM gcm_objective WHERE number = ANY(@Numbers)";

        public Validator(Db db, IStringLocalizer<SubmissionMessages> text)
        {
            RuleFor(t => t.Title).Cascade(CascadeMode.Stop)
                .Must(title => title?.Trim().Length >= 3).WithMessage(_ => text["Give the submission a title of at least 3 characters."])
                .MaximumLength(TitleMaxLength).WithMessage(_ => text["The title may have at most {0} characters.", TitleMaxLength]);
            RuleFor(t => t.Summary).Cascade(CascadeMode.Stop)
                .Must(summary => !string.IsNullOrWhiteSpace(summary)).WithMessage(_ => text["Write a short summary."])
                .MaximumLength(SummaryMaxLength).WithMessage(_ => text["The summary may have at most {0} characters.", SummaryMaxLength]);
            RuleFor(t => t.Body).Cascade(CascadeMode.Stop)
                .Must(body => !string.IsNullOrWhiteSpace(body)).WithMessage(_ => text["Write the submission's text."])
                .MaximumLength(BodyMaxLength).WithMessage(_ => text["The text may have at most {0} characters.", BodyMaxLength]);
            RuleFor(t => t.Language).Must(language => language is not null && Iso639Part1().IsMatch(language.Trim().ToLowerInvariant()))
                .WithMessage(_ => text["Give the language as a two-letter ISO 639-1 code, such as en, fr, es or ar."]);
            RuleFor(t => t.PriorityCodes).NotNull()
                .MustAsync(async (codes, ct) => codes.Count == 0 || await db.ExecuteScalarAsync<long>(
                    db.Dialect == Dialect.Sqlite ? SqlitePrioritiesSql : PostgresPrioritiesSql, new { Codes = codes.Distinct().ToArray() }, ct)
                    == codes.Distinct().Count())
                .WithMessage(_ => text["Choose key priorities from the list."]);
            RuleFor(t => t.ObjectiveNumbers).NotNull()
                .MustAsync(async (numbers, ct) => numbers.Count == 0 || await db.ExecuteScalarAsync<long>(
                    db.Dialect == Dialect.Sqlite ? SqliteObjectivesSql : PostgresObjectivesSql, new { Numbers = numbers.Distinct().ToArray() }, ct)
                    == numbers.Distinct().Count())
                .WithMessage(_ => text["Choose GCM objectives from the list."]);
            RuleFor(t => t.Attribution).Must(attribution => Attributions.Contains(attribution))
                .WithMessage(_ => text["Attribute the submission to the organisation, or to named authors."]);
            RuleFor(t => t.NamedAuthorIds).NotNull()
                .Must(authors => authors.Count > 0).When(t => t.Attribution == "named")
                .WithMessage(_ => text["Choose at least one named author."]);
        }
    }
}
