using System.Net;
using Consultation.Web.Features.Accounts;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Accounts;

/// <summary>Runs its own platform: the first-admin link exists only while nobody is admin.</summary>
public sealed class BecomeAdminTests
{
    const string IsAdmin = """
        SELECT COUNT(*) FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
        WHERE ur."UserId" = @Id AND r."Name" = 'admin'
        """;

    [Theory, BothEngines]
    public async Task The_start_up_link_makes_one_signed_in_person_admin_once(Engine engine)
    {
        await using var app = new TestApp(engine);
        var link = await app.SendAsync(null, new IssueFirstAdminToken.Command());
        link.ShouldNotBeNull().ShouldStartWith("http://localhost:5080/Accounts/BecomeAdmin?token=");
        var path = new Uri(link).PathAndQuery;
        var first = await app.CreatePersonAsync();
        var second = await app.CreatePersonAsync();

        using (var wrong = await app.Client(first).SubmitAsync("/Accounts/BecomeAdmin?token=not-the-token", new Dictionary<string, string>()))
        {
            (await wrong.TextAsync()).ShouldContain("This link is not valid");
        }
        (await app.CountAsync(IsAdmin, new { first.Id })).ShouldBe(0);

        using (var granted = await app.Client(first).SubmitAsync(path, new Dictionary<string, string>()))
        {
            (await granted.TextAsync()).ShouldContain("You are now a platform admin");
        }
        (await app.CountAsync(IsAdmin, new { first.Id })).ShouldBe(1);
        (await app.CountAsync("SELECT COUNT(*) FROM audit_log WHERE actor_user_id = @Id AND action = 'platform-admin.granted'", new { first.Id })).ShouldBe(1);

        using (var reused = await app.Client(second).SubmitAsync(path, new Dictionary<string, string>()))
        {
            (await reused.TextAsync()).ShouldContain("This link is not valid");
        }
        (await app.CountAsync(IsAdmin, new { second.Id })).ShouldBe(0);
        (await app.SendAsync(null, new IssueFirstAdminToken.Command())).ShouldBeNull("once someone is admin, start-up offers no link");
    }
}
