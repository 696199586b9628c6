namespace Consultation.Web.Features.Consultations;

/// <summary>Anchor for the Consultations use cases' messages (Resources/Features/Consultations/ConsultationMessages.*.resx).</summary>
public sealed class ConsultationMessages;
