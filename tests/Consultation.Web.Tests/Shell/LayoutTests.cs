using System.Net;
using System.Text.RegularExpressions;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Shell;

/// <summary>The layout every page shares.</summary>
public sealed partial class LayoutTests(TestApps apps)
{
    // The form tag helper leaves out the token when a form names its own action, so the layout asks for it.
    [Theory, BothEngines]
    public async Task Every_form_in_the_shell_carries_an_antiforgery_token(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync();
        using var client = app.Client(person);

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        var forms = PostForms().Matches(html).ToDictionary(form => form.Groups["action"].Value, form => form.Value);
        forms.Keys.ShouldContain("/Accounts/SignOut");
        forms.Keys.ShouldContain("/language");
        forms.Values.ShouldAllBe(form => form.Contains("name=\"__RequestVerificationToken\""));
    }

    [Theory, BothEngines]
    public async Task Only_platform_admins_see_the_admin_links_in_their_language(Engine engine)
    {
        var app = apps.For(engine);
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var person = await app.CreatePersonAsync();
        using var asAdmin = app.Client(admin);
        asAdmin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        var adminPage = WebUtility.HtmlDecode(await asAdmin.GetStringAsync("/", TestContext.Current.CancellationToken));
        var personPage = await app.Client(person).GetStringAsync("/", TestContext.Current.CancellationToken);
        var anonymousPage = await app.Client().GetStringAsync("/", TestContext.Current.CancellationToken);

        adminPage.ShouldContain("""<a href="/Admin/Audit">Journal d'audit</a>""");
        adminPage.ShouldContain("""<a href="/Admin/Clients">Clients de l'API</a>""");
        personPage.ShouldNotContain("/Admin/");
        anonymousPage.ShouldNotContain("/Admin/");
    }

    [GeneratedRegex("""<form method="post" action="(?<action>[^"]+)".*?</form>""", RegexOptions.Singleline)]
    private static partial Regex PostForms();
}
