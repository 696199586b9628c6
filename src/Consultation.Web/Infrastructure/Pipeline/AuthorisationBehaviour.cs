using Consultation.Web.Infrastructure.Access;
using Mediator;

namespace Consultation.Web.Infrastructure.Pipeline;

/// <summary>Checks the relationship a message declares (see Access/Requirements.cs) before its handler runs.</summary>
public sealed class AuthorisationBehaviour<TMessage, TResponse>(Caller caller, AccessRules rules)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        if (message is ISignedInRequest)
        {
            await CheckAsync(message, caller.RequiredUserId, ct);
        }
        return await next(message, ct);
    }

    async Task CheckAsync(TMessage message, Guid userId, CancellationToken ct)
    {
        switch (message)
        {
            case IPlatformAdminRequest:
                if (!await rules.IsAdminAsync(userId, ct))
                {
                    throw new AccessDeniedException("Only platform admins may do this.");
                }
                await RequireTwoFactorAsync(userId, ct);
                break;
            case IOrganisationRepresentativeRequest r:
                if (await rules.OrganisationRoleAsync(userId, r.OrganisationId, ct) != "representative")
                {
                    throw new AccessDeniedException("Only the organisation's representatives may do this.");
                }
                break;
            case IOrganisationMemberRequest m:
                if (await rules.OrganisationRoleAsync(userId, m.OrganisationId, ct) is null)
                {
                    throw new AccessDeniedException("Only the organisation's members may do this.");
                }
                break;
            case INetworkOrganiserRequest n:
                if (!await rules.IsNetworkOrganiserAsync(userId, n.NetworkId, ct))
                {
                    throw new AccessDeniedException("Only the network's organisers may do this.");
                }
                await RequireTwoFactorAsync(userId, ct);
                break;
        }
    }

    async Task RequireTwoFactorAsync(Guid userId, CancellationToken ct)
    {
        if (!await rules.HasTwoFactorAsync(userId, ct))
        {
            throw new AccessDeniedException("Turn on two-factor sign-in before acting as an organiser or admin.");
        }
    }
}
