namespace Consultation.Web.Features.Audit;

/// <summary>Anchor for the audit viewer's validation messages (Resources/Features/Audit/AuditMessages.*.resx).</summary>
public sealed class AuditMessages;
