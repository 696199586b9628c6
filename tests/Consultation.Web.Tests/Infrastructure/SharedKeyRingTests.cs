using System.Net;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Infrastructure;

/// <summary>
/// Two instances of the platform over one database, as behind a load balancer: each reads the cookies and antiforgery
/// tokens the other issued, because the Data Protection key ring lives in the shared database.
/// </summary>
public sealed class SharedKeyRingTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_person_signed_in_on_one_instance_is_signed_in_on_another_and_its_forms_post_there()
    {
        await using var first = new TestApp(Engine.Sqlite);
        await using var second = new TestApp(Engine.Sqlite, new Dictionary<string, string> { ["Database:ConnectionString"] = first.ConnectionString });
        var person = await first.CreatePersonAsync();
        // One browser: the cookie jar is shared, and cookies do not depend on the port.
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new() });

        using var signedIn = await browser.SubmitAsync(new Uri(first.BaseAddress, "/Accounts/SignIn").ToString(),
            [new("Email", person.Email), new("Password", person.Password)]);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var manage = await browser.GetAsync(new Uri(second.BaseAddress, "/Accounts/Manage"), Ct);
        manage.StatusCode.ShouldBe(HttpStatusCode.OK, "the second instance reads the first one's sign-in cookie");
        (await manage.TextAsync()).ShouldContain(person.DisplayName);
        // In the database, not in a folder both instances happen to share on this one machine.
        (await second.ScalarAsync<long>("""SELECT COUNT(*) FROM "DataProtectionKeys" """)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_form_shown_by_one_instance_is_accepted_by_another()
    {
        await using var first = new TestApp(Engine.Sqlite);
        await using var second = new TestApp(Engine.Sqlite, new Dictionary<string, string> { ["Database:ConnectionString"] = first.ConnectionString });
        var person = await first.CreatePersonAsync();
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new() });
        using var form = await browser.GetAsync(new Uri(first.BaseAddress, "/Accounts/SignIn"), Ct);
        var token = Forms.AntiforgeryTokenIn(await form.TextAsync());

        using var posted = await browser.PostAsync(new Uri(second.BaseAddress, "/Accounts/SignIn"), new FormUrlEncodedContent(
            [new("Email", person.Email), new("Password", person.Password), new("__RequestVerificationToken", token)]), Ct);

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a token from another key ring would be refused with 400");
    }
}
