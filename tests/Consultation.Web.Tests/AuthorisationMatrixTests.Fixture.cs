using Consultation.Web.Features.ApiClients;
using Consultation.Web.Features.Moderation;
using Consultation.Web.Features.Organisations;
using Consultation.Web.Features.Reports;
using Consultation.Web.Features.Submissions;
using Consultation.Web.Infrastructure.Identity;
using Consultation.Web.Tests.Networks;
using Consultation.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Web.Tests;

public sealed partial class AuthorisationMatrixTests
{
    /// <summary>
    /// The people and objects the table acts on, made once per engine: a verified organisation with a representative
    /// and a member; a network whose organiser (two-factor) founded it with their own organisation, and a second
    /// organiser; a platform admin (two-factor); a signed-in stranger. The network runs an open consultation, to which
    /// the organisation submitted a position that the stranger commented on; another organisation (represented by
    /// someone who is not a caller) submitted one too; a finished report download waits for whoever may read it.
    /// </summary>
    public sealed class Fixture
    {
        readonly TestApp app;

        Fixture(TestApp app) => this.app = app;

        public required TestPerson Member { get; init; }
        public required TestPerson Representative { get; init; }
        public required TestPerson Organiser { get; init; }
        public required TestPerson SecondOrganiser { get; init; }
        public required TestPerson Admin { get; init; }
        public required TestPerson Stranger { get; init; }
        public required TestPerson OtherRepresentative { get; init; }
        public required Guid OrganisationId { get; init; }
        public required Guid NetworkId { get; init; }
        public required Guid FoundingOrganisationId { get; init; }
        public required Guid OtherOrganisationId { get; init; }
        public required Guid ConsultationId { get; init; }
        public required Guid SubmissionId { get; init; }
        public required Guid OtherSubmissionId { get; init; }
        public required Guid CommentId { get; init; }
        public required Guid ReportJobId { get; init; }

        public static async Task<Fixture> CreateAsync(TestApp app)
        {
            var representative = await app.CreatePersonAsync();
            var member = await app.CreatePersonAsync();
            var organisation = await app.CreateOrganisationAsync(representative);
            await app.AddOrganisationMemberAsync(organisation, member);
            var network = await app.CreateNetworkAsync();
            var secondOrganiser = await app.CreatePersonAsync(twoFactor: true);
            await app.ExecuteSqlAsync("INSERT INTO network_organiser (network_id, user_id, granted_at) VALUES (@NetworkId, @UserId, @Now)",
                new { NetworkId = network.Id, UserId = secondOrganiser.Id, Now = app.Clock.GetUtcNow() });
            var stranger = await app.CreatePersonAsync();
            var otherRepresentative = await app.CreatePersonAsync();
            var otherOrganisation = await app.CreateOrganisationAsync(otherRepresentative);
            var consultation = await app.CreateNetworkConsultationRowAsync(network.Id);
            var submission = await PositionAsync(app, member, consultation, organisation, Position, submit: true);
            return new Fixture(app)
            {
                Member = member,
                Representative = representative,
                Organiser = network.Organiser,
                SecondOrganiser = secondOrganiser,
                Admin = await app.CreatePersonAsync(twoFactor: true, admin: true),
                Stranger = stranger,
                OtherRepresentative = otherRepresentative,
                OrganisationId = organisation,
                NetworkId = network.Id,
                FoundingOrganisationId = network.FoundingOrganisationId,
                OtherOrganisationId = otherOrganisation,
                ConsultationId = consultation,
                SubmissionId = submission,
                OtherSubmissionId = await app.CreateSubmissionForCoSigningAsync(otherOrganisation, consultation),
                CommentId = await app.CreateCommentRowAsync(submission, stranger),
                ReportJobId = await FinishedReportJobAsync(app, consultation),
            };
        }

        /// <summary>The shared objects.</summary>
        public Values Defaults => new(OrganisationId, NetworkId, ConsultationId: ConsultationId, SubmissionId: SubmissionId, CommentId: CommentId);

        public Task<Values> Shared() => Task.FromResult(Defaults);

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

        /// <summary>A new consultation of the network, in this status.</summary>
        public async Task<Values> FreshConsultationAsync(string status) =>
            Defaults with { ConsultationId = await app.CreateNetworkConsultationRowAsync(NetworkId, status) };

        /// <summary>A new position of the organisation, drafted by its representative (naming the member as author if asked).</summary>
        public async Task<Values> FreshSubmissionAsync(bool submitted = true, bool namingMember = false)
        {
            var text = namingMember ? Position with { Attribution = "named", NamedAuthorIds = [Member.Id] } : Position;
            return Defaults with { SubmissionId = await PositionAsync(app, Representative, ConsultationId, OrganisationId, text, submitted) };
        }

        /// <summary>A new verified organisation (of someone who is not a caller) for the organisation under test to invite.</summary>
        public async Task<Values> FreshOrganisationToInviteAsync() =>
            Defaults with { ObjectId = await app.CreateOrganisationAsync(OtherRepresentative) };

        /// <summary>A new submission led by the other organisation, on which the organisation under test is a co-signer in this status.</summary>
        public async Task<Values> FreshSubmissionLedByAnotherAsync(string signatory)
        {
            var submission = await app.CreateSubmissionForCoSigningAsync(OtherOrganisationId, ConsultationId);
            await app.AddCoSignerAsync(submission, OrganisationId, signatory);
            return Defaults with { SubmissionId = submission };
        }

        /// <summary>The other organisation's submission, endorsed by the organisation under test if asked.</summary>
        public async Task<Values> SubmissionLedByAnotherAsync(bool endorsed = false)
        {
            if (endorsed)
            {
                await app.ExecuteSqlAsync("""
                    INSERT INTO submission_endorsement (submission_id, organisation_id, endorsed_by, endorsed_at) VALUES (@SubmissionId, @OrganisationId, @UserId, @Now)
                    ON CONFLICT (submission_id, organisation_id) DO NOTHING
                    """, new { SubmissionId = OtherSubmissionId, OrganisationId, UserId = Representative.Id, Now = app.Clock.GetUtcNow() });
            }
            return Defaults with { SubmissionId = OtherSubmissionId };
        }

        /// <summary>A new comment by the member on the organisation's position, flagged by the stranger if asked.</summary>
        public async Task<Values> FreshCommentAsync(string state = "visible", bool flagged = false)
        {
            var comment = await app.CreateCommentRowAsync(SubmissionId, Member, state);
            if (flagged)
            {
                await app.SendAsync(Stranger, new FlagContent.Command(ContentType.Comment, comment, "spam", null));
            }
            return Defaults with { CommentId = comment };
        }

        /// <summary>
        /// A new comment by the member that the second organiser hid; ObjectId is the decision, or, once the member
        /// appealed, the appeal.
        /// </summary>
        public async Task<Values> FreshHiddenCommentAsync(bool appealed = false)
        {
            var comment = (await FreshCommentAsync()).CommentId;
            await app.SendAsync(SecondOrganiser, new HideContent.Command(ContentType.Comment, comment, "off-topic", null));
            var decision = await app.ScalarAsync<Guid>("SELECT id FROM moderation_decision WHERE object_id = @Id", new { Id = comment });
            if (!appealed)
            {
                return Defaults with { CommentId = comment, ObjectId = decision };
            }
            await app.SendAsync(Member, new AppealDecision.Command(decision, "It was on topic"));
            var appeal = await app.ScalarAsync<Guid>("SELECT id FROM moderation_appeal WHERE decision_id = @Id", new { Id = decision });
            return Defaults with { CommentId = comment, ObjectId = appeal };
        }

        /// <summary>A position written through the use cases, so that submitting it makes its first version.</summary>
        static async Task<Guid> PositionAsync(TestApp app, TestPerson writer, Guid consultationId, Guid organisationId, SubmissionText text, bool submit)
        {
            var drafted = await app.SendAsync(writer, new DraftSubmission.Command(consultationId, organisationId, text));
            if (submit)
            {
                await app.SendAsync(writer, new SubmitSubmission.Command(drafted.Id));
            }
            return drafted.Id;
        }

        /// <summary>A report download that finished building, with its file, as the background runner leaves it.</summary>
        static async Task<Guid> FinishedReportJobAsync(TestApp app, Guid consultationId)
        {
            var id = Guid.CreateVersion7();
            var now = app.Clock.GetUtcNow();
            await app.ExecuteSqlAsync("""
                INSERT INTO report_job (id, consultation_id, format, status, created_at, finished_at) VALUES (@Id, @ConsultationId, 'json', 'done', @Now, @Now)
                """, new { Id = id, ConsultationId = consultationId, Now = now });
            var files = app.Services.GetRequiredService<ReportFiles>();
            Directory.CreateDirectory(files.Directory);
            await File.WriteAllTextAsync(files.PathFor(id, "json"), "{}", TestContext.Current.CancellationToken);
            return id;
        }
    }
}
