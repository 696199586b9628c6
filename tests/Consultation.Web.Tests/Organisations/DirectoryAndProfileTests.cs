using System.Net;
using System.Net.Http.Json;
using Consultation.Web.Features.Organisations;
using Consultation.Web.Tests.Support;
using static Consultation.Web.Tests.Organisations.OrganisationFixtures;

namespace Consultation.Web.Tests.Organisations;

public sealed class DirectoryAndProfileTests(TestApps apps)
{
    [Theory, BothEngines]
    public async Task The_directory_filters_and_searches_case_insensitively_in_any_script(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var french = await app.RegisterAsync(person, Profile($"Égalité Migrante {tag}", "FR", "migrant-led"));
        var kenyan = await app.RegisterAsync(person, Profile($"Youth Link {tag}", "KE", "youth"));
        await app.ExecuteSqlAsync("UPDATE organisation SET status = 'suspended', suspension_reason = 'test' WHERE id = @Id", new { Id = kenyan });
        var client = app.Client();

        async Task<IEnumerable<Guid>> Find(string query) =>
            (await client.GetFromJsonAsync<ListOrganisations.Result>($"/api/organisations?{query}", Ct))!.Items.Select(i => i.Id);

        (await Find($"q={tag}")).ShouldBe([kenyan, french], ignoreOrder: true);
        (await Find($"q=%C3%89GALIT%C3%89+MIGRANTE+{tag.ToUpperInvariant()}")).ShouldBe([french]);
        (await Find($"q=works+with+youth+link+{tag}")).ShouldBe([kenyan]); // the description is searched too
        (await Find($"q={tag}&region=002")).ShouldBe([kenyan]);             // Africa takes in Eastern Africa
        (await Find($"q={tag}&country=FR")).ShouldBe([french]);
        (await Find($"q={tag}&constituency=youth")).ShouldBe([kenyan]);
        (await Find($"q={tag}&status=suspended")).ShouldBe([kenyan]);
        (await Find($"q={tag}%25")).ShouldBeEmpty(); // % is a character, not a wildcard

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Organisations?q={tag}&status=suspended", Ct));
        html.ShouldContain($"Youth Link {tag}");
        html.ShouldContain("badge suspended");
        html.ShouldNotContain("Égalité");

        var inFrench = app.Client();
        inFrench.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var translated = WebUtility.HtmlDecode(await inFrench.GetStringAsync($"/Organisations?q={tag}", Ct));
        translated.ShouldContain("Inscrire votre organisation");
        translated.ShouldContain("Dirigée par des personnes migrantes");
        translated.ShouldContain("En attente de vérification");
    }

    [Theory, BothEngines]
    public async Task The_directory_pages_and_refuses_unknown_filters(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync();
        var tag = Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < ListOrganisations.PageSize + 2; i++)
        {
            await app.RegisterAsync(person, Profile($"Paged {i:00} {tag}"));
        }

        var second = (await app.Client().GetFromJsonAsync<ListOrganisations.Result>($"/api/organisations?q={tag}&pageNumber=2", Ct))!;

        second.Total.ShouldBe(ListOrganisations.PageSize + 2);
        second.Items.Select(i => i.Name).ShouldBe([$"Paged 20 {tag}", $"Paged 21 {tag}"]);
        var html = await app.Client().GetStringAsync($"/Organisations?q={tag}", Ct);
        html.ShouldContain("pageNumber=2");
        (await app.Client().GetAsync("/api/organisations?status=banned&constituency=astrology&pageNumber=0", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.Client().GetStringAsync("/Organisations?status=banned", Ct)).ShouldContain("Choose pending, verified or suspended.");
    }

    [Theory, BothEngines]
    public async Task Private_fields_never_reach_outsiders_in_html_or_json(Engine engine)
    {
        var app = apps.For(engine);
        var representative = await app.CreatePersonAsync(displayName: "Rep " + Guid.NewGuid().ToString("N")[..8]);
        var profile = Profile("Private " + Guid.NewGuid().ToString("N"));
        var id = await app.RegisterAsync(representative, profile);
        var secrets = new[] { profile.ContactEmail!.Split('@')[0], "700 000 000", representative.DisplayName };
        var outsiders = new[] { app.Client(), app.Client(await app.CreatePersonAsync()), app.Client(await app.CreatePersonAsync(admin: true)) };

        foreach (var outsider in outsiders)
        {
            var pages = new[]
            {
                await outsider.GetStringAsync($"/api/organisations/{id}", Ct),
                await outsider.GetStringAsync($"/Organisations/{id}", Ct),
                await outsider.GetStringAsync($"/api/organisations?q={Uri.EscapeDataString(profile.Name!)}", Ct),
                await outsider.GetStringAsync($"/Organisations?q={Uri.EscapeDataString(profile.Name!)}", Ct),
            };
            foreach (var page in pages)
            {
                page.ShouldContain(profile.Name!);
                foreach (var secret in secrets)
                {
                    page.ShouldNotContain(secret);
                }
            }
            (await outsider.ProfileAsync(id)).Private.ShouldBeNull();
        }
        var member = await app.CreatePersonAsync();
        await app.AddOrganisationMemberAsync(id, member);
        (await app.Client(member).ProfileAsync(id)).Private!.ContactEmail.ShouldBe(profile.ContactEmail);
        var memberPage = await app.Client(member).GetStringAsync($"/Organisations/{id}", Ct);
        memberPage.ShouldContain(secrets[0]);
        memberPage.ShouldContain(representative.DisplayName);
    }

    [Theory, BothEngines]
    public async Task Admins_with_two_factors_and_organisers_of_its_networks_see_private_fields(Engine engine)
    {
        var app = apps.For(engine);
        var id = await app.RegisterAsync(await app.CreatePersonAsync());
        var admin = await app.CreatePersonAsync(twoFactor: true, admin: true);
        var organiser = await app.CreatePersonAsync(twoFactor: true);
        var otherOrganiser = await app.CreatePersonAsync(twoFactor: true);
        await app.NetworkAsync(organiser, id, "requested");
        await app.NetworkAsync(otherOrganiser, null, null);

        (await app.Client(admin).ProfileAsync(id)).Private.ShouldNotBeNull();
        (await app.Client(organiser).ProfileAsync(id)).Private.ShouldNotBeNull();
        (await app.Client(otherOrganiser).ProfileAsync(id)).Private.ShouldBeNull();
        (await app.Client().GetAsync($"/api/organisations/{Guid.NewGuid()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().GetAsync($"/Organisations/{Guid.NewGuid()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
