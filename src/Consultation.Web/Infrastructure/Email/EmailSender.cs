using System.Net;
using System.Net.Mail;
using Mediator;
using Microsoft.Extensions.Options;

namespace Consultation.Web.Infrastructure.Email;

/// <summary>Sends queued emails through SMTP when configured, else writes them to the pickup folder as .eml files.</summary>
public sealed class EmailSender(IOptions<EmailOptions> options, ILogger<EmailSender> logger) : INotificationHandler<OutgoingEmail>
{
    public async ValueTask Handle(OutgoingEmail email, CancellationToken ct)
    {
        var settings = options.Value;
        using var message = new MailMessage(settings.From, email.To, email.Subject, email.Body);
        using var client = settings.SmtpHost is { Length: > 0 } host
            ? new SmtpClient(host, settings.SmtpPort)
            {
                EnableSsl = settings.SmtpUseTls,
                Credentials = settings.SmtpUserName is null ? null : new NetworkCredential(settings.SmtpUserName, settings.SmtpPassword),
            }
            : new SmtpClient
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                PickupDirectoryLocation = Directory.CreateDirectory(settings.PickupDirectory!).FullName,
            };
        try
        {
            await client.SendMailAsync(message, ct);
        }
        catch (SmtpException e)
        {
            // The change that asked for this email is already committed; a lost email must not undo it.
            logger.LogError(e, "Could not send \"{Subject}\"", email.Subject);
        }
    }
}
