using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Audit;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Identity;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;

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

    public sealed class Handler(IOpenIddictApplicationManager applications, IdentityStore store, AuditLog audit, Db db)
        : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command c, CancellationToken ct)
        {
            var application = await applications.FindByClientIdAsync(c.ClientId, ct);
            if (application is null)
            {
                return false;
            }
            var id = Guid.Parse((await applications.GetIdAsync(application, ct))!);
            var displayName = await applications.GetDisplayNameAsync(application, ct) ?? c.ClientId;
            // Untracked: OpenIddict deletes the authorizations in bulk, and tracked copies would make EF Core update rows that are gone.
            var subjects = await store.Set<OpenIddictEntityFrameworkCoreAuthorization<Guid>>().AsNoTracking()
                .Where(a => a.Application!.Id == id)
                .Select(a => a.Subject)
                .Distinct()
                .ToListAsync(ct);
            // OpenIddict deletes through EF Core, so it goes before the audit entry (see conventions: EF before Dapper on SQLite).
            await applications.DeleteAsync(application, ct);
            await audit.RecordAsync("api-client.removed", "api_client", id, new { c.ClientId, displayName }, ct);
            var people = subjects.Select(s => Guid.TryParse(s, out var person) ? person : (Guid?)null).OfType<Guid>().ToList();
            db.AfterCommit(new ApiClientRemoved(displayName, people));
            return true;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder clients) =>
        clients.MapDelete("/{clientId}", async (string clientId, ISender sender, CancellationToken ct) =>
                await sender.Send(new Command(clientId), ct) ? Results.NoContent() : Results.NotFound())
            .WithName("RemoveApiClient")
            .WithSummary("Removes an API client with its authorizations and tokens.");
}
