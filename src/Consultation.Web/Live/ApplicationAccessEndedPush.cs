using Consultation.Web.Features.ApiClients;
using Mediator;
using Microsoft.AspNetCore.SignalR;

namespace Consultation.Web.Live;

/// <summary>Tells each person who had authorised a removed API client, on every page or app they have open.</summary>
public sealed class ApplicationAccessEndedPush(IHubContext<PersonalHub, IPersonalClient> hub) : INotificationHandler<RemoveApiClient.ApiClientRemoved>
{
    public async ValueTask Handle(RemoveApiClient.ApiClientRemoved removed, CancellationToken ct)
    {
        foreach (var person in removed.AuthorisedBy)
        {
            await hub.Clients.Group(PersonalHub.GroupFor(person)).ApplicationAccessEnded(removed.DisplayName);
        }
    }
}
