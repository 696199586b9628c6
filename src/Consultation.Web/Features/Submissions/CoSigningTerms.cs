namespace Consultation.Web.Features.Submissions;

/// <summary>Marker for the co-signing and search messages' translations (Resources/Features/Submissions/CoSigningTerms.*.resx).</summary>
public sealed class CoSigningTerms;
