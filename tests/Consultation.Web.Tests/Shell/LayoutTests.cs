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

    [GeneratedRegex("""<form method="post" action="(?<action>[^"]+)".*?</form>""", RegexOptions.Singleline)]
    private static partial Regex PostForms();
}
