using System.Text.RegularExpressions;
using Consultation.Web.Features.Consultations;
using Consultation.Web.Features.Organisations;
using Consultation.Web.Features.Submissions;
using Consultation.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Web.Tests;

/// <summary>
/// Every endpoint under /api against every kind of caller, with the status each must get. The table must list every
/// endpoint the running app maps, so a new endpoint fails this test until its row says who may call it.
/// </summary>
public sealed partial class AuthorisationMatrixTests(TestApps apps)
{
    /// <summary>The status each caller gets: anonymous; a signed-in stranger to the objects; member and representative
    /// of the row's organisation; organiser (two-factor) of the network, which runs the consultation and so moderates
    /// it; platform admin (two-factor).</summary>
    public sealed record Expected(int Anonymous, int Stranger, int Member, int Representative, int Organiser, int Admin);

    /// <summary>
    /// One endpoint (a second row only where the object's state changes the answer, e.g. a draft). Values gives the
    /// route values (and what the body needs); it runs before each caller's call, so a row whose call changes state
    /// makes a fresh object each time. Body builds the same valid JSON for every caller: validation runs before
    /// authorisation, so an invalid body would hide the authorisation answer. A query string after the route pattern
    /// is sent as it is.
    /// </summary>
    public sealed record Row(string Method, string Pattern, Func<Fixture, Task<Values>> Values, Func<Values, object?> Body, Expected Expect)
    {
        public string Endpoint => $"{Method} {Pattern.Split('?')[0]}";
    }

    /// <summary>The objects a row acts on; Fixture.Defaults are the shared ones. ObjectId is the one object a route
    /// names besides these (a moderation decision or appeal, an organisation to invite).</summary>
    public sealed record Values(
        Guid OrganisationId = default, Guid NetworkId = default, Guid UserId = default, string Text = "",
        Guid ConsultationId = default, Guid SubmissionId = default, Guid CommentId = default, Guid ObjectId = default);

    static readonly Func<Values, object?> NoBody = _ => null;

    static Expected All(int status) => new(status, status, status, status, status, status);
    static Expected SignedIn(int status) => new(401, status, status, status, status, status);
    static Expected MembersOnly(int status) => new(401, 403, status, status, 403, 403);
    static Expected RepresentativeOnly(int status) => new(401, 403, 403, status, 403, 403);
    static Expected OrganiserOnly(int status) => new(401, 403, 403, 403, status, 403);
    static Expected OrganiserOrAdmin(int status) => new(401, 403, 403, 403, status, status);
    static Expected AdminOnly(int status) => new(401, 403, 403, 403, 403, status);

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
        new("POST", "/api/organisations/{organisationId:guid}/leave", f => f.FreshOrganisationAsync(), NoBody, new(401, 403, 204, 409, 403, 403)),
        new("POST", "/api/organisations/{organisationId:guid}/verification", f => f.FreshOrganisationAsync(verified: false, membership: "requested"), NoBody, new(401, 403, 403, 403, 204, 204)),
        new("POST", "/api/organisations/{organisationId:guid}/vouches", f => f.FreshStrangerOrganisationAsync(), v => new { VoucherOrganisationId = v.Text }, RepresentativeOnly(200)),
        new("POST", "/api/organisations/{organisationId:guid}/suspension", f => f.FreshOrganisationAsync(), _ => new { Reason = "Impersonates another group" }, AdminOnly(204)),
        new("DELETE", "/api/organisations/{organisationId:guid}/suspension", f => f.FreshOrganisationAsync(status: "suspended"), NoBody, AdminOnly(204)),

        new("GET", "/api/clients/", f => f.Shared(), NoBody, AdminOnly(200)),
        new("POST", "/api/clients/", f => f.Shared(), _ => new { DisplayName = "Matrix integration", ClientKind = "Confidential" }, AdminOnly(201)),
        new("DELETE", "/api/clients/{clientId}", f => f.FreshApiClientAsync(), NoBody, AdminOnly(204)),
        new("GET", "/api/audit/", f => f.Shared(), NoBody, AdminOnly(200)),

        // Consultations: the network's organisers (or a verified organisation's representatives) run them.
        new("GET", "/api/consultations/", f => f.Shared(), NoBody, All(200)),
        new("POST", "/api/consultations/", f => f.Shared(), v => new { v.OrganisationId, Details = Terms }, RepresentativeOnly(201)),
        new("GET", "/api/consultations/{id:guid}", f => f.Shared(), NoBody, All(200)),
        // A draft exists only for those who run it.
        new("GET", "/api/consultations/{id:guid}", f => f.FreshConsultationAsync("draft"), NoBody, new(404, 404, 404, 404, 200, 404)),
        new("PUT", "/api/consultations/{id:guid}", f => f.Shared(), _ => Terms, OrganiserOnly(204)),
        new("POST", "/api/consultations/{id:guid}/status", f => f.FreshConsultationAsync("draft"), _ => new { Status = "open" }, new(401, 404, 404, 404, 204, 404)),

        // Submissions: the organisation under test's members write for it; everyone reads what it submitted.
        new("POST", "/api/consultations/{consultationId:guid}/submissions/", f => f.Shared(), v => new { v.OrganisationId, Text = Position }, MembersOnly(201)),
        new("GET", "/api/submissions/{id:guid}", f => f.Shared(), NoBody, All(200)),
        // A draft exists only for the organisation's members.
        new("GET", "/api/submissions/{id:guid}", f => f.FreshSubmissionAsync(submitted: false), NoBody, new(404, 404, 200, 200, 404, 404)),
        new("PUT", "/api/submissions/{id:guid}", f => f.Shared(), _ => Position, MembersOnly(204)),
        new("POST", "/api/submissions/{id:guid}/submit", f => f.FreshSubmissionAsync(submitted: false), NoBody, new(401, 404, 204, 204, 404, 404)),
        new("POST", "/api/submissions/{id:guid}/withdraw", f => f.FreshSubmissionAsync(), NoBody, MembersOnly(204)),
        // The representative wrote it naming the member: only the member may agree to be named.
        new("POST", "/api/submissions/{id:guid}/agree-to-be-named", f => f.FreshSubmissionAsync(namingMember: true), NoBody, new(401, 404, 204, 404, 404, 404)),
        new("GET", "/api/submissions/{id:guid}/versions", f => f.Shared(), NoBody, All(200)),
        new("GET", "/api/submissions/{id:guid}/diff?from=1&to=1", f => f.Shared(), NoBody, All(200)),
        new("GET", "/api/submissions/", f => f.Shared(), NoBody, All(200)),

        // Co-signing: the lead (the organisation under test) invites; below it, another organisation leads and the
        // organisation under test answers, withdraws its signature or endorses.
        new("GET", "/api/submissions/{submissionId:guid}/signatories", f => f.Shared(), NoBody, All(200)),
        new("POST", "/api/submissions/{submissionId:guid}/signatories", f => f.FreshOrganisationToInviteAsync(), v => new { OrganisationIds = new[] { v.ObjectId } }, RepresentativeOnly(204)),
        new("POST", "/api/submissions/{submissionId:guid}/signatories/{organisationId:guid}/response", f => f.FreshSubmissionLedByAnotherAsync(signatory: "invited"), _ => new { Accept = true }, RepresentativeOnly(204)),
        new("DELETE", "/api/submissions/{submissionId:guid}/signatories/{organisationId:guid}", f => f.FreshSubmissionLedByAnotherAsync(signatory: "signed"), NoBody, RepresentativeOnly(204)),
        new("GET", "/api/organisations/{organisationId:guid}/co-signing-invitations", f => f.Shared(), NoBody, RepresentativeOnly(200)),
        new("GET", "/api/submissions/{submissionId:guid}/endorsements", f => f.Shared(), NoBody, All(200)),
        new("POST", "/api/submissions/{submissionId:guid}/endorsements", f => f.SubmissionLedByAnotherAsync(), v => new { v.OrganisationId }, RepresentativeOnly(204)),
        new("DELETE", "/api/submissions/{submissionId:guid}/endorsements/{organisationId:guid}", f => f.SubmissionLedByAnotherAsync(endorsed: true), NoBody, RepresentativeOnly(204)),

        // Comments: public threads, anyone signed in posts and up-votes.
        new("GET", "/api/submissions/{submissionId:guid}/comments", f => f.Shared(), NoBody, All(200)),
        new("POST", "/api/submissions/{submissionId:guid}/comments", f => f.Shared(), _ => new { Body = "A comment from the matrix" }, SignedIn(201)),
        new("POST", "/api/comments/{commentId:guid}/upvote", f => f.Shared(), NoBody, SignedIn(200)),
        new("DELETE", "/api/comments/{commentId:guid}/upvote", f => f.Shared(), NoBody, SignedIn(200)),

        // Moderation: anyone signed in flags; the organisers of the consultation's network moderate.
        new("POST", "/api/moderation/flags", f => f.Shared(), v => new { ObjectType = "comment", ObjectId = v.CommentId, Reason = "spam" }, SignedIn(202)),
        new("GET", "/api/moderation/log", f => f.Shared(), NoBody, All(200)),
        new("GET", "/api/moderation/mine", f => f.Shared(), NoBody, SignedIn(200)),
        new("GET", "/api/moderation/consultations/{consultationId:guid}/queue", f => f.Shared(), NoBody, OrganiserOnly(200)),
        new("POST", "/api/moderation/hide", f => f.FreshCommentAsync(), v => new { ObjectType = "comment", ObjectId = v.CommentId, ReasonCode = "spam" }, OrganiserOnly(204)),
        new("POST", "/api/moderation/dismiss", f => f.FreshCommentAsync(flagged: true), v => new { ObjectType = "comment", ObjectId = v.CommentId }, OrganiserOnly(204)),
        new("POST", "/api/moderation/comments/{commentId:guid}/approve", f => f.FreshCommentAsync(state: "pending"), NoBody, OrganiserOnly(204)),
        // The second organiser hid the member's comment: only the member appeals, and the organiser (another one) decides.
        new("POST", "/api/moderation/restore", f => f.FreshHiddenCommentAsync(), v => new { ObjectType = "comment", ObjectId = v.CommentId }, OrganiserOnly(204)),
        new("POST", "/api/moderation/decisions/{decisionId:guid}/appeal", f => f.FreshHiddenCommentAsync(), _ => new { Statement = "It was on topic" }, new(401, 404, 202, 404, 404, 404)),
        new("POST", "/api/moderation/appeals/{appealId:guid}/decide", f => f.FreshHiddenCommentAsync(appealed: true), _ => new { Outcome = "Overturn" }, OrganiserOnly(204)),

        // The synthesis report of a consultation still open: only those who run it, and admins (public once closed).
        new("GET", "/api/consultations/{consultationId:guid}/report", f => f.Shared(), NoBody, OrganiserOrAdmin(200)),
        new("GET", "/api/consultations/{consultationId:guid}/report.{format}", f => f.Shared(), NoBody, OrganiserOrAdmin(200)),
        new("POST", "/api/consultations/{consultationId:guid}/report/jobs?format=json", f => f.Shared(), NoBody, OrganiserOrAdmin(202)),
        new("GET", "/api/consultations/{consultationId:guid}/report/jobs/{jobId:guid}", f => f.Shared(), NoBody, OrganiserOrAdmin(200)),
        new("GET", "/api/consultations/{consultationId:guid}/report/jobs/{jobId:guid}/file", f => f.Shared(), NoBody, OrganiserOrAdmin(200)),

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

    static readonly ConsultationDetails Terms = new()
    {
        Title = "Matrix consultation",
        Scope = "global",
        OpensAt = DateTimeOffset.UtcNow.AddDays(-1),
        ClosesAt = DateTimeOffset.UtcNow.AddDays(30),
    };

    static readonly SubmissionText Position = new()
    {
        Title = "Matrix position",
        Summary = "For the matrix",
        Body = "What the organisation asks for.",
        Language = "en",
        Attribution = "organisation",
    };

    [Theory, BothEngines]
    public async Task Every_api_endpoint_answers_each_caller_as_the_table_says(Engine engine)
    {
        var app = apps.For(engine);
        var fixture = await Fixture.CreateAsync(app);
        var callers = new (string Name, HttpClient Client, Func<Expected, int> Status)[]
        {
            ("anonymous", app.Client(), e => e.Anonymous),
            ("stranger", app.Client(fixture.Stranger), e => e.Stranger),
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

    [Theory, BothEngines]
    public void The_table_lists_every_api_endpoint(Engine engine)
    {
        var mapped = apps.For(engine).Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order();
        var listed = Table.Select(r => r.Endpoint).Distinct().Order();

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
        "consultationId" => values.ConsultationId.ToString(),
        "submissionId" => values.SubmissionId.ToString(),
        "id" => (pattern.StartsWith("/api/consultations/", StringComparison.Ordinal) ? values.ConsultationId : values.SubmissionId).ToString(),
        "commentId" => values.CommentId.ToString(),
        "decisionId" or "appealId" => values.ObjectId.ToString(),
        "jobId" => fixture.ReportJobId.ToString(),
        "format" => "csv",
        var name => throw new InvalidOperationException($"No value for route parameter {name}"),
    });

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
