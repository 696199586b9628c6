using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using FluentValidation;
using Mediator;
using OpenIddict.Abstractions;

namespace Consultation.Web.Features.ApiClients;

/// <summary>
/// An admin removes an API client: OpenIddict deletes it with its authorizations and tokens, so its access tokens stop
/// working at once (token entries are checked on each request). The people who had authorised it are told.
/// </summary>
public static class RemoveApiClient
{
    public sealed record Command(string ClientId) : ICommand<bool>, IPlatformAdminRequest;

    /// <summary>Published after commit: the people who had authorised the client, for their open pages.</summary>
    public sealed record ApiClientRemoved(string DisplayName, IReadOnlyList<Guid> AuthorisedBy) : INotification;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.ClientId).NotEmpty().MaximumLength(100);
    }

    public sealed class Handler(IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations, AuditLog audit, Db db)
        : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command c, CancellationToken ct)
        {
            var application = await applications.FindByClientIdAsync(c.ClientId, ct);
            if (application is null)
            {
                return false;
            }
            var id = (await applications.GetIdAsync(application, ct))!;
            var displayName = await applications.GetDisplayNameAsync(application, ct) ?? c.ClientId;
            var people = new HashSet<Guid>();
            await foreach (var authorization in authorizations.FindByApplicationIdAsync(id, ct))
            {
                if (Guid.TryParse(await authorizations.GetSubjectAsync(authorization, ct), out var person))
                {
                    people.Add(person);
                }
            }
            // OpenIddict deletes through EF Core, so it goes before the audit entry (see conventions: EF before Dapper on SQLite).
            await applications.DeleteAsync(application, ct);
            await audit.RecordAsync("api-client.removed", "api_client", Guid.Parse(id), new { c.ClientId, displayName }, ct);
            db.AfterCommit(new ApiClientRemoved(displayName, people.ToList()));
            return true;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder clients) =>
        clients.MapDelete("/{clientId}", async (string clientId, ISender sender, CancellationToken ct) =>
                await sender.Send(new Command(clientId), ct) ? Results.NoContent() : Results.NotFound())
            .WithName("RemoveApiClient")
            .WithSummary("Removes an API client with its authorizations and tokens.");
}
