using System.Net;
using System.Net.Http.Json;
using Consultation.Web.Tests.Organisations;
using Consultation.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Consultation.Web.Tests.Infrastructure;

/// <summary>A client that lost the answer retries with the same Idempotency-Key, and the platform acts only once.</summary>
public sealed class IdempotencyKeyTests(TestApps apps)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothEngines]
    public async Task A_retried_request_with_the_same_key_acts_once_and_gets_the_first_answer_again(Engine engine)
    {
        var app = apps.For(engine);
        var client = app.Client(await app.CreatePersonAsync());
        var profile = OrganisationFixtures.Profile("Retry Collective " + Guid.NewGuid().ToString("N")[..6]);
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(client, "/api/organisations", profile, key);
        using var retry = await PostAsync(client, "/api/organisations", profile, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        (await retry.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM organisation WHERE name = @Name", new { profile.Name })).ShouldBe(1);
    }

    [Theory, BothEngines]
    public async Task A_key_reused_for_a_different_request_is_refused_and_writes_nothing(Engine engine)
    {
        var app = apps.For(engine);
        var client = app.Client(await app.CreatePersonAsync());
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(client, "/api/organisations", OrganisationFixtures.Profile("First " + key[..6]), key);
        var other = OrganisationFixtures.Profile("Other " + key[..6]);

        using var reused = await PostAsync(client, "/api/organisations", other, key);

        reused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await reused.Content.ReadAsStringAsync(Ct)).ShouldContain("different request");
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM organisation WHERE name = @Name", new { other.Name })).ShouldBe(0);
    }

    [Theory, BothEngines]
    public async Task Keys_belong_to_one_person_so_two_people_with_the_same_key_both_act(Engine engine)
    {
        var app = apps.For(engine);
        var key = Guid.NewGuid().ToString();
        var name = "Shared key " + key[..6];

        using var one = await PostAsync(app.Client(await app.CreatePersonAsync()), "/api/organisations", OrganisationFixtures.Profile(name), key);
        using var two = await PostAsync(app.Client(await app.CreatePersonAsync()), "/api/organisations", OrganisationFixtures.Profile(name + " bis"), key);

        one.StatusCode.ShouldBe(HttpStatusCode.Created);
        two.StatusCode.ShouldBe(HttpStatusCode.Created);
        two.Headers.Location.ShouldNotBe(one.Headers.Location);
    }

    [Theory, BothEngines]
    public async Task Refusals_are_not_kept_so_a_retry_is_checked_again_and_a_malformed_key_is_a_clear_400(Engine engine)
    {
        var app = apps.For(engine);
        var client = app.Client(await app.CreatePersonAsync());
        var bad = OrganisationFixtures.Profile("");
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(client, "/api/organisations", bad, key);
        using var retry = await PostAsync(client, "/api/organisations", bad, key);
        using var malformed = await PostAsync(client, "/api/organisations", OrganisationFixtures.Profile("Fine name"), "has spaces in it");

        first.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        retry.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        retry.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await malformed.Content.ReadAsStringAsync(Ct)).ShouldContain("Idempotency-Key");
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM organisation WHERE name = 'Fine name'")).ShouldBe(0);
    }

    [Theory, BothEngines]
    public async Task Kept_answers_are_forgotten_after_a_day(Engine engine)
    {
        var app = apps.For(engine);
        var person = await app.CreatePersonAsync();
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(app.Client(person), "/api/organisations", OrganisationFixtures.Profile("Old key " + key[..6]), key);
        await app.ExecuteSqlAsync("UPDATE idempotent_request SET created_at = @Then WHERE user_id = @UserId",
            new { Then = app.Clock.GetUtcNow().AddDays(-2), UserId = person.Id });

        await app.Services.GetServices<IHostedService>().OfType<Web.Infrastructure.Housekeeping.Housekeeping>().Single().RunAllAsync(Ct);

        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM idempotent_request WHERE user_id = @UserId", new { UserId = person.Id })).ShouldBe(0);
    }

    static Task<HttpResponseMessage> PostAsync<T>(HttpClient client, string path, T body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request, Ct);
    }
}
