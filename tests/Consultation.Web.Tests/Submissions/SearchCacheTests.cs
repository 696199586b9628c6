using System.Net.Http.Json;
using Consultation.Web.Features.Organisations;
using Consultation.Web.Features.Submissions;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Submissions;

/// <summary>
/// Search results are kept a few seconds ("Search:CacheSeconds"), and any change made through the platform empties
/// them at once: readers never see a withdrawn or hidden position because of the cache.
/// </summary>
public sealed class SearchCacheTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothEngines]
    public async Task Results_are_reused_until_a_change_through_the_platform_clears_them(Engine engine)
    {
        await using var app = new TestApp(engine, new Dictionary<string, string> { ["Search:CacheSeconds"] = "300" });
        var representative = await app.CreatePersonAsync();
        var lead = await app.CreateOrganisationAsync(representative);
        var consultation = await app.CreateConsultationForCoSigningAsync(lead);
        var first = await app.CreateSubmissionForCoSigningAsync(lead, consultation);
        var search = $"/api/submissions?consultation={consultation}";
        (await SearchAsync(app, search)).ShouldBe([first]);

        // Written behind the platform's back: the cached answer stands (this is what the cache saves).
        var second = await app.CreateSubmissionForCoSigningAsync(lead, consultation);
        (await SearchAsync(app, search)).ShouldBe([first]);

        // Withdrawn through the platform: the cache is emptied, and the answer is current again.
        (await app.SendAsync(representative, new WithdrawSubmission.Command(first))).ShouldBe(WithdrawSubmission.Result.Withdrawn);
        (await SearchAsync(app, search)).ShouldBe([second]);
    }

    [Theory, BothEngines]
    public async Task A_signatory_moving_or_changing_constituencies_clears_the_results_of_the_place_filters(Engine engine)
    {
        await using var app = new TestApp(engine, new Dictionary<string, string> { ["Search:CacheSeconds"] = "300" });
        var representative = await app.CreatePersonAsync();
        var lead = await app.CreateOrganisationAsync(representative);
        var consultation = await app.CreateConsultationForCoSigningAsync(lead);
        var submission = await app.CreateSubmissionForCoSigningAsync(lead, consultation);
        var inSenegal = $"/api/submissions?consultation={consultation}&country=SN";
        (await SearchAsync(app, inSenegal)).ShouldBeEmpty();

        await app.SendAsync(representative, new EditOrganisationProfile.Command(
            lead, "Moved Collective", "SN", null, ["grassroots"], "Works in Dakar", null, null, null));

        (await SearchAsync(app, inSenegal)).ShouldBe([submission]);

        // Constituencies edited through the platform: the ones kept stay, the new one is found, the dropped one is not.
        await app.SendAsync(representative, new EditOrganisationProfile.Command(
            lead, "Moved Collective", "SN", null, ["grassroots", "youth"], "Works in Dakar", null, null, null));
        (await SearchAsync(app, "/api/submissions?constituency=grassroots&country=SN")).ShouldBe([submission]);
        (await SearchAsync(app, "/api/submissions?constituency=youth")).ShouldBe([submission]);
        await app.SendAsync(representative, new EditOrganisationProfile.Command(
            lead, "Moved Collective", "SN", null, ["youth"], "Works in Dakar", null, null, null));
        (await SearchAsync(app, "/api/submissions?constituency=grassroots")).ShouldBeEmpty();
        (await SearchAsync(app, "/api/submissions?constituency=youth&region=002")).ShouldBe([submission]);
    }

    static async Task<Guid[]> SearchAsync(TestApp app, string path) =>
        (await app.Client().GetFromJsonAsync<SearchSubmissions.Result>(path, Ct))!.Items.Select(i => i.Id).ToArray();
}
