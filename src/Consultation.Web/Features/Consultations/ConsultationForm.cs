using System.Globalization;

namespace Consultation.Web.Features.Consultations;

/// <summary>
/// The create and edit pages' fields, named "Details.*" like the commands' validation errors so that each error lands
/// next to its field. Times travel as the text of a datetime-local input and are read as UTC: the server's own time
/// zone must not shift them.
/// </summary>
public sealed class ConsultationForm
{
    public const string TimeFormat = "yyyy-MM-ddTHH:mm";

    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Scope { get; set; }
    public string? CountryCode { get; set; }
    public string? RegionCode { get; set; }
    public string? FeedsReport { get; set; }
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }
    public bool PreModeration { get; set; }

    /// <summary>An unreadable time becomes "no time", which the validator names on its field.</summary>
    public ConsultationDetails ToDetails() => new()
    {
        Title = Title,
        Description = Description,
        Scope = Scope,
        CountryCode = CountryCode,
        RegionCode = RegionCode,
        FeedsReport = FeedsReport,
        OpensAt = Utc(OpensAt),
        ClosesAt = Utc(ClosesAt),
        PreModeration = PreModeration,
    };

    public static ConsultationForm From(GetConsultation.Result c) => new()
    {
        Title = c.Title,
        Description = c.Description,
        Scope = c.Scope,
        CountryCode = c.CountryCode,
        RegionCode = c.RegionCode,
        FeedsReport = c.FeedsReport,
        OpensAt = Text(c.OpensAt),
        ClosesAt = Text(c.ClosesAt),
        PreModeration = c.PreModeration,
    };

    public static string Text(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    // Browsers send minutes; a hand-typed form may add seconds.
    static DateTimeOffset Utc(string? text) =>
        DateTimeOffset.TryParseExact(text?.Trim(), [TimeFormat, TimeFormat + ":ss"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : default;
}
