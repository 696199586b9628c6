using System.Text.Json;
using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Mediator;

namespace Consultation.Web.Features.ApiClients;

/// <summary>The registered API clients, for admins: never their secrets (only hashes are stored).</summary>
public static class ListApiClients
{
    public sealed record Query : IQuery<IReadOnlyList<ApiClient>>, IPlatformAdminRequest;

    public sealed record ApiClient
    {
        public Guid Id { get; init; }
        public string ClientId { get; init; } = "";
        public string DisplayName { get; init; } = "";
        /// <summary>"public" or "confidential".</summary>
        public string ClientType { get; init; } = "";
        public IReadOnlyList<string> RedirectUris { get; init; } = [];
    }

    sealed record Row
    {
        public Guid Id { get; init; }
        public string ClientId { get; init; } = "";
        public string? DisplayName { get; init; }
        public string? ClientType { get; init; }
        public string? RedirectUris { get; init; }
    }

    public sealed class Handler(Db db) : IQueryHandler<Query, IReadOnlyList<ApiClient>>
    {
        // OpenIddict keeps redirect URIs as a JSON array in one column.
        const string Sql = """
            SELECT "Id" AS Id, "ClientId" AS ClientId, "DisplayName" AS DisplayName, "ClientType" AS ClientType,
                   "RedirectUris" AS RedirectUris
            FROM "OpenIddictApplications" ORDER BY "DisplayName", "ClientId"
            """;

        public async ValueTask<IReadOnlyList<ApiClient>> Handle(Query query, CancellationToken ct) =>
            (await db.QueryAsync<Row>(Sql, null, ct)).Select(row => new ApiClient
            {
                Id = row.Id,
                ClientId = row.ClientId,
                DisplayName = row.DisplayName ?? row.ClientId,
                ClientType = row.ClientType ?? "",
                RedirectUris = row.RedirectUris is null ? [] : JsonSerializer.Deserialize<string[]>(row.RedirectUris) ?? [],
            }).ToList();
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder clients) =>
        clients.MapGet("/", async (ISender sender, CancellationToken ct) => Results.Ok(await sender.Send(new Query(), ct)))
            .WithName("ListApiClients")
            .WithSummary("The registered API clients (admins only).");
}
