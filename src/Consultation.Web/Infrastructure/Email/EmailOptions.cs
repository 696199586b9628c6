namespace Consultation.Web.Infrastructure.Email;

/// <summary>Bound from "Email". Without an SMTP host, messages are written as .eml files to the outbox folder.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "Consultation <no-reply@localhost>";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public bool SmtpUseTls { get; set; } = true;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Defaults to outbox/ in the data directory.</summary>
    public string? PickupDirectory { get; set; }
}
