using Consultation.Web.Infrastructure.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Consultation.Web.Live;

/// <summary>What a person's open pages and apps hear about their own account.</summary>
public interface IPersonalClient
{
    /// <summary>An application the person had authorised was removed by an admin; its tokens no longer work.</summary>
    Task ApplicationAccessEnded(string applicationName);
}

/// <summary>
/// /hubs/personal: one group per person, so notification handlers reach all of that person's connections (pages by
/// cookie, apps by bearer token) on any instance. It only listens: clients call no methods.
/// </summary>
[Authorize]
public sealed class PersonalHub : Hub<IPersonalClient>
{
    public static string GroupFor(Guid personId) => $"person:{personId}";

    public override async Task OnConnectedAsync()
    {
        // Client-credentials tokens name no person, and have nothing to hear here.
        if (Caller.UserIdOf(Context.User) is not { } personId)
        {
            Context.Abort();
            return;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(personId), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }
}
