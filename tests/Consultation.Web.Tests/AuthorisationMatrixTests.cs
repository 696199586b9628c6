using System.Net;
using System.Text.RegularExpressions;
using Consultation.Web.Features.ApiClients;
using Consultation.Web.Features.Organisations;
using Consultation.Web.Infrastructure.Identity;
using Consultation.Web.Tests.Networks;
using Consultation.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Web.Tests;

/// <summary>
/// Every endpoint under /api against every kind of caller, with the status each must get. The table must list every
/// endpoint the running app maps, so a new endpoint fails this test until its row says who may call it.
/// </summary>
public sealed partial class AuthorisationMatrixTests(TestApps apps)
{
    /// <summary>The status each caller gets: anonymous, member and representative of the organisation under test,
    /// network organiser (two-factor), platform admin (two-factor).</summary>
    public sealed record Expected(int Anonymous, int Member, int Representative, int Organiser, int Admin);

    /// <summary>
    /// One endpoint. Values gives the route values (and what the body needs); it runs before each caller's call, so a
    /// row whose call changes state makes a fresh object each time. Body builds the same valid JSON for every caller:
    /// validation runs before authorisation, so an invalid body would hide the authorisation answer.
    /// </summary>
    public sealed record Row(string Method, string Pattern, Func<Fixture, Task<Values>> Values, Func<Values, object?> Body, Expected Expect);

    public sealed record Values(Guid OrganisationId = default, Guid NetworkId = default, Guid UserId = default, string Text = "");

    static readonly Func<Values, object?> NoBody = _ => null;

    static Expected All(int status) => new(status, status, status, status, status);
    static Expected SignedIn(int status) => new(401, status, status, status, status);
    static Expected RepresentativeOnly(int status) => new(401, 403, status, 403, 403);
    static Expected OrganiserOnly(int status) => new(401, 403, 403, status, 403);
    static Expected AdminOnly(int status) => new(401, 403, 403, 403, status);

    static readonly Row[] Table =
    [
        new("GET", "/api/reference/", f => f.Shared(), NoBody, All(200)),

        new("GET", "/api/networks/", f => f.Shared(), NoBody, All(200)),
        new("POST", "/api/networks/", f => f.Shared(), v => new { v.OrganisationId, Name = "Matrix network", Description = "For the matrix" }, RepresentativeOnly(201)),
        new("GET", "/api/networks/{networkId:guid}", f => f.Shared(), NoBody, All(200)),
        new("GET", "/api/networks/{networkId:guid}/organiser-view", f => f.Shared(), NoBody, OrganiserOnly(200)),
        new("POST", "/api/networks/{networkId:guid}/requests", f => f.FreshOrganisationAsync(), v => new { v.OrganisationId }, RepresentativeOnly(202)),
        new("POST", "/api/networks/{networkId:guid}/requests/{organisationId:guid}/approve", f => f.FreshOrganisationAsync(membership: "requested"), NoBody, OrganiserOnly(204)),
        new("POST", "/api/networks/{networkId:guid}/requests/{organisationId:guid}/decline", f => f.FreshOrganisationAsync(membership: "requested"), NoBody, OrganiserOnly(204)),
        new("DELETE", "/api/networks/{networkId:guid}/members/{organisationId:guid}", f => f.FreshOrganisationAsync(membership: "member"), NoBody, RepresentativeOnly(204)),
        new("POST", "/api/networks/{networkId:guid}/members/{organisationId:guid}/removal", f => f.FreshOrganisationAsync(membership: "member"), _ => new { Reason = "Left the region" }, OrganiserOnly(204)),
        new("PUT", "/api/networks/{networkId:guid}/organisers/{userId:guid}", f => f.FreshMemberOfNetworkAsync(), NoBody, OrganiserOnly(204)),
        new("DELETE", "/api/networks/{networkId:guid}/organisers/{userId:guid}", f => f.FreshSecondOrganiserAsync(), NoBody, OrganiserOnly(204)),

        new("GET", "/api/organisations/", f => f.Shared(), NoBody, All(200)),
        new("GET", "/api/organisations/{organisationId:guid}", f => f.Shared(), NoBody, All(200)),
        new("POST", "/api/organisations/", f => f.Shared(), _ => Profile, SignedIn(201)),
        new("PUT", "/api/organisations/{organisationId:guid}", f => f.Shared(), _ => Profile, RepresentativeOnly(204)),
        new("POST", "/api/organisations/{organisationId:guid}/invitations", f => f.Shared(), _ => new { Email = "invited@example.org", Role = "member" }, RepresentativeOnly(200)),
        new("POST", "/api/organisations/invitations/accept", f => f.FreshInvitationAsync(), v => new { Token = v.Text }, SignedIn(200)),
        new("PUT", "/api/organisations/{organisationId:guid}/members/{userId:guid}/role", f => f.FreshOrganisationAsync(), _ => new { Role = "representative" }, RepresentativeOnly(204)),
        new("DELETE", "/api/organisations/{organisationId:guid}/members/{userId:guid}", f => f.FreshOrganisationAsync(), NoBody, RepresentativeOnly(204)),
        // The representative is the only one, so may not leave.
        new("POST", "/api/organisations/{organisationId:guid}/leave", f => f.FreshOrganisationAsync(), NoBody, new(401, 204, 409, 403, 403)),
        new("POST", "/api/organisations/{organisationId:guid}/verification", f => f.FreshOrganisationAsync(verified: false, membership: "requested"), NoBody, new(401, 403, 403, 204, 204)),
        new("POST", "/api/organisations/{organisationId:guid}/vouches", f => f.FreshStrangerOrganisationAsync(), v => new { VoucherOrganisationId = v.Text }, RepresentativeOnly(200)),
        new("POST", "/api/organisations/{organisationId:guid}/suspension", f => f.FreshOrganisationAsync(), _ => new { Reason = "Impersonates another group" }, AdminOnly(204)),
        new("DELETE", "/api/organisations/{organisationId:guid}/suspension", f => f.FreshOrganisationAsync(status: "suspended"), NoBody, AdminOnly(204)),

        new("GET", "/api/clients/", f => f.Shared(), NoBody, AdminOnly(200)),
        new("POST", "/api/clients/", f => f.Shared(), _ => new { DisplayName = "Matrix integration", ClientKind = "Confidential" }, AdminOnly(201)),
        new("DELETE", "/api/clients/{clientId}", f => f.FreshApiClientAsync(), NoBody, AdminOnly(204)),
        new("GET", "/api/audit/", f => f.Shared(), NoBody, AdminOnly(200)),

        new("POST", "/api/account/register", f => f.Shared(), _ => new { Email = "matrix@example.org", Password = "a long enough passphrase", DisplayName = "Matrix", PreferredLanguage = "en" }, All(202)),
        new("POST", "/api/account/password-reset", f => f.Shared(), _ => new { Email = "matrix@example.org" }, All(202)),
        new("POST", "/api/account/password-reset/complete", f => f.FreshPasswordResetAsync(), v => new { v.UserId, Code = v.Text, NewPassword = "another long passphrase" }, All(204)),
        new("GET", "/api/account/export", f => f.Shared(), NoBody, SignedIn(200)),
        // Last, as it would delete the callers: each represents alone the organisation it registered above, so the
        // password is accepted and the account kept by the sole-representative rule (DeleteMyAccount's own tests delete).
        new("DELETE", "/api/account/", f => f.Shared(), _ => new { Password = TestPassword }, SignedIn(409)),
    ];

    const string TestPassword = "correct horse battery staple";

    static readonly RegisterOrganisation.Command Profile =
        new("Matrix organisation", "KE", null, ["grassroots"], "For the matrix", "https://example.org/matrix", "contact@example.org", "+254 700 000 000");

    [Theory, BothEngines]
    public async Task Every_api_endpoint_answers_each_caller_as_the_table_says(Engine engine)
    {
        var app = apps.For(engine);
        var fixture = await Fixture.CreateAsync(app);
        var callers = new (string Name, HttpClient Client, Func<Expected, int> Status)[]
        {
            ("anonymous", app.Client(), e => e.Anonymous),
            ("member", app.Client(fixture.Member), e => e.Member),
            ("representative", app.Client(fixture.Representative), e => e.Representative),
            ("organiser", app.Client(fixture.Organiser), e => e.Organiser),
            ("admin", app.Client(fixture.Admin), e => e.Admin),
        };

        var failures = new List<string>();
        foreach (var row in Table)
        {
            foreach (var (name, client, status) in callers)
            {
                var values = await row.Values(fixture);
                var actual = (int)await client.StatusOfAsync(new HttpMethod(row.Method), Url(row.Pattern, fixture, values), row.Body(values));
                if (actual != status(row.Expect))
                {
                    failures.Add($"{row.Method} {row.Pattern} as {name}: {actual}, expected {status(row.Expect)}");
                }
            }
        }
        failures.ShouldBeEmpty();
    }

    // The foundation's areas, by their OpenAPI tags. Consultations, submissions, comments, moderation and reports have
    // authorisation tests per use case; they join this table when their issue is finished.
    static readonly string[] Areas = ["Account", "API clients", "Audit log", "Networks", "Organisations", "Reference data"];

    [Theory, BothEngines]
    public void The_table_lists_every_api_endpoint_of_the_foundation_once(Engine engine)
    {
        var mapped = apps.For(engine).Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>()?.Tags.Any(Areas.Contains) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order();
        var listed = Table.Select(r => $"{r.Method} {r.Pattern}").Order();

        // A failure here names a new endpoint: add its row, with who may call it.
        mapped.ShouldBe(listed);
    }

    static string Url(string pattern, Fixture fixture, Values values) => RouteParameter().Replace(pattern, match => match.Groups[1].Value switch
    {
        // A row's own organisation, else the one under test.
        "organisationId" => (values.OrganisationId == default ? fixture.OrganisationId : values.OrganisationId).ToString(),
        "networkId" => fixture.NetworkId.ToString(),
        "userId" => values.UserId.ToString(),
        "clientId" => values.Text,
        var name => throw new InvalidOperationException($"No value for route parameter {name}"),
    });

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();

    /// <summary>
    /// The people and objects the table acts on: a verified organisation with a representative and a member, a network
    /// whose organiser (two-factor) founded it with their own organisation, and a platform admin (two-factor).
    /// </summary>
    public sealed class Fixture
    {
        readonly TestApp app;

        Fixture(TestApp app) => this.app = app;

        public required TestPerson Member { get; init; }
        public required TestPerson Representative { get; init; }
        public required TestPerson Organiser { get; init; }
        public required TestPerson Admin { get; init; }
        public required Guid OrganisationId { get; init; }
        public required Guid NetworkId { get; init; }
        public required Guid FoundingOrganisationId { get; init; }

        public static async Task<Fixture> CreateAsync(TestApp app)
        {
            var representative = await app.CreatePersonAsync();
            var member = await app.CreatePersonAsync();
            var organisation = await app.CreateOrganisationAsync(representative);
            await app.AddOrganisationMemberAsync(organisation, member);
            var network = await app.CreateNetworkAsync();
            return new Fixture(app)
            {
                Member = member,
                Representative = representative,
                Organiser = network.Organiser,
                Admin = await app.CreatePersonAsync(twoFactor: true, admin: true),
                OrganisationId = organisation,
                NetworkId = network.Id,
                FoundingOrganisationId = network.FoundingOrganisationId,
            };
        }

        public Task<Values> Shared() => Task.FromResult(new Values(OrganisationId, NetworkId));

        /// <summary>A new organisation with the fixture's representative and member, in the network if a membership is given.</summary>
        public async Task<Values> FreshOrganisationAsync(bool verified = true, string? membership = null, string? status = null)
        {
            var id = await app.CreateOrganisationAsync(Representative, verified);
            await app.AddOrganisationMemberAsync(id, Member);
            if (status is not null)
            {
                await app.ExecuteSqlAsync("UPDATE organisation SET status = @Status WHERE id = @Id", new { Status = status, Id = id });
            }
            if (membership is not null)
            {
                await app.ExecuteSqlAsync(
                    "INSERT INTO network_membership (network_id, organisation_id, status, requested_at) VALUES (@NetworkId, @Id, @Status, @Now)",
                    new { NetworkId, Id = id, Status = membership, Now = app.Clock.GetUtcNow() });
            }
            return new Values(id, NetworkId, Member.Id);
        }

        /// <summary>A pending organisation none of the callers belongs to, for the organisation under test to vouch for.</summary>
        public async Task<Values> FreshStrangerOrganisationAsync() =>
            new(await app.CreateOrganisationAsync(await app.CreatePersonAsync(), verified: false), NetworkId, Text: OrganisationId.ToString());

        /// <summary>A new person in the network's founding organisation, so eligible to become an organiser.</summary>
        public async Task<Values> FreshMemberOfNetworkAsync()
        {
            var person = await app.CreatePersonAsync();
            await app.AddOrganisationMemberAsync(FoundingOrganisationId, person);
            return new Values(OrganisationId, NetworkId, person.Id);
        }

        /// <summary>A second organiser, so that one may be revoked.</summary>
        public async Task<Values> FreshSecondOrganiserAsync()
        {
            var values = await FreshMemberOfNetworkAsync();
            await app.ExecuteSqlAsync("INSERT INTO network_organiser (network_id, user_id, granted_at) VALUES (@NetworkId, @UserId, @Now)",
                new { NetworkId, values.UserId, Now = app.Clock.GetUtcNow() });
            return values;
        }

        /// <summary>An open invitation to a new organisation; its token is in Text.</summary>
        public async Task<Values> FreshInvitationAsync()
        {
            var organisation = await app.CreateOrganisationAsync(await app.CreatePersonAsync());
            var token = InvitationToken.New();
            var now = app.Clock.GetUtcNow();
            await app.ExecuteSqlAsync("""
                INSERT INTO organisation_invitation (id, organisation_id, email, role, token_hash, created_at, expires_at)
                VALUES (@Id, @OrganisationId, 'invited@example.org', 'member', @TokenHash, @Now, @ExpiresAt)
                """,
                new { Id = Guid.CreateVersion7(), OrganisationId = organisation, TokenHash = InvitationToken.Hash(token), Now = now, ExpiresAt = now + InvitationToken.Lifetime });
            return new Values(organisation, NetworkId, Text: token);
        }

        /// <summary>A person with a fresh password reset code (in Text), as the reset email would carry.</summary>
        public async Task<Values> FreshPasswordResetAsync()
        {
            var person = await app.CreatePersonAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var code = await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(person.Id.ToString()))!);
            return new Values(OrganisationId, NetworkId, person.Id, code);
        }

        /// <summary>A confidential API client registered by the admin; its client id is in Text.</summary>
        public async Task<Values> FreshApiClientAsync()
        {
            var client = await app.SendAsync(Admin, new RegisterApiClient.Command("Matrix client", RegisterApiClient.Kind.Confidential, null, null));
            return new Values(OrganisationId, NetworkId, Text: client.ClientId);
        }
    }
}
