using Mediator;

namespace Consultation.Web.Infrastructure.Email;

/// <summary>
/// An email a command wants sent. Commands queue it with Db.AfterCommit, so nobody is mailed about a change that was
/// rolled back. The body is plain text: links in it are absolute.
/// </summary>
public sealed record OutgoingEmail(string To, string Subject, string Body) : INotification;
