using System.Net;
using System.Net.Http.Json;
using Consultation.Web.Features.Networks;
using Consultation.Web.Infrastructure.Web;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Networks;

public sealed class ListNetworksTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothEngines]
    public async Task Anyone_searches_networks_by_name_ignoring_case_a_page_at_a_time(Engine engine)
    {
        var app = apps.For(engine);
        var token = Guid.NewGuid().ToString("N")[..10];
        var founder = await app.CreatePersonAsync();
        var organisation = await app.CreateOrganisationAsync(founder);
        for (var i = 0; i < ListNetworks.PageSize + 1; i++)
        {
            await app.SendAsync(founder, new CreateNetwork.Command(organisation, $"Coalition {token} {i:00}", null));
        }

        var first = await app.Client().GetFromJsonAsync<Paged<ListNetworks.Item>>($"/api/networks?search={token.ToUpperInvariant()}", Ct);
        var second = await app.Client().GetFromJsonAsync<Paged<ListNetworks.Item>>($"/api/networks?search={token}&page=2", Ct);

        first!.Total.ShouldBe(ListNetworks.PageSize + 1);
        first.Items.Count.ShouldBe(ListNetworks.PageSize);
        first.Items[0].Name.ShouldBe($"Coalition {token} 00");
        first.Items[0].MemberCount.ShouldBe(1);
        second!.Items.ShouldHaveSingleItem().Name.ShouldBe($"Coalition {token} {ListNetworks.PageSize:00}");
    }

    [Theory, BothEngines]
    public async Task Wildcards_in_the_search_are_taken_literally(Engine engine)
    {
        var app = apps.For(engine);
        var token = Guid.NewGuid().ToString("N")[..10];
        await app.CreateNetworkAsync($"Alliance {token} 100% grassroots");
        await app.CreateNetworkAsync($"Alliance {token} 1000 groups");

        var found = await app.SendAsync(null, new ListNetworks.Query($"{token} 100%"));

        found.Items.ShouldHaveSingleItem().Name.ShouldBe($"Alliance {token} 100% grassroots");
        (await app.SendAsync(null, new ListNetworks.Query($"{token}_"))).Total.ShouldBe(0);
    }

    [Theory, BothEngines]
    public async Task Bad_paging_or_search_is_a_400(Engine engine)
    {
        var app = apps.For(engine);

        using var page = await app.Client().GetAsync("/api/networks?page=0", Ct);
        using var search = await app.Client().GetAsync($"/api/networks?search={new string('s', ListNetworks.SearchMaxLength + 1)}", Ct);

        page.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        search.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, BothEngines]
    public async Task The_pages_list_and_show_networks_to_anonymous_visitors(Engine engine)
    {
        var app = apps.For(engine);
        var token = Guid.NewGuid().ToString("N")[..10];
        var network = await app.CreateNetworkAsync($"Diaspora {token}");
        var founding = await app.ScalarAsync<string>("SELECT name FROM organisation WHERE id = @Id", new { Id = network.FoundingOrganisationId });

        var list = await app.Client().GetStringAsync($"/Networks?search={token}", Ct);
        var page = await app.Client().GetStringAsync($"/Networks/{network.Id}", Ct);
        using var missing = await app.Client().GetAsync($"/Networks/{Guid.NewGuid()}", Ct);
        using var missingApi = await app.Client().GetAsync($"/api/networks/{Guid.NewGuid()}", Ct);

        list.ShouldContain($"/Networks/{network.Id}");
        page.ShouldContain($"Diaspora {token}");
        page.ShouldContain(founding!);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missingApi.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, BothEngines]
    public async Task The_pages_are_translated(Engine engine)
    {
        var app = apps.For(engine);
        var client = app.Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        var list = await client.GetStringAsync("/Networks", Ct);

        list.ShouldContain("Rechercher des réseaux");
    }
}
