namespace Consultation.Web.Features.Submissions;

/// <summary>Anchor for the Submissions use cases' messages (Resources/Features/Submissions/SubmissionMessages.*.resx).</summary>
public sealed class SubmissionMessages;
