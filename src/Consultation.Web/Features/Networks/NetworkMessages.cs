namespace Consultation.Web.Features.Networks;

/// <summary>Anchor for the Networks use cases' messages (Resources/Features/Networks/NetworkMessages.*.resx).</summary>
public sealed class NetworkMessages;
