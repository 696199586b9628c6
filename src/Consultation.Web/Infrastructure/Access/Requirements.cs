namespace Consultation.Web.Infrastructure.Access;

// Who may send a message is declared on the message by these interfaces and checked once, by
// AuthorisationBehaviour, before validation passes it to its handler. A message with none of them is public.

/// <summary>Any signed-in person.</summary>
public interface ISignedInRequest;

/// <summary>A platform admin who signs in with two factors.</summary>
public interface IPlatformAdminRequest : ISignedInRequest;

/// <summary>A member (any role) of the organisation.</summary>
public interface IOrganisationMemberRequest : ISignedInRequest
{
    Guid OrganisationId { get; }
}

/// <summary>A representative of the organisation.</summary>
public interface IOrganisationRepresentativeRequest : ISignedInRequest
{
    Guid OrganisationId { get; }
}

/// <summary>An organiser of the network who signs in with two factors.</summary>
public interface INetworkOrganiserRequest : ISignedInRequest
{
    Guid NetworkId { get; }
}
