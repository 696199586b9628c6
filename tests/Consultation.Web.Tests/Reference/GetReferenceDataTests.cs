using System.Net.Http.Json;
using Consultation.Web.Features.Reference;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Reference;

public sealed class GetReferenceDataTests(TestApps apps)
{
    [Theory, BothEngines]
    public async Task Lists_the_seeded_priorities_and_objectives_to_anyone(Engine engine)
    {
        var app = apps.For(engine);

        var result = await app.Client().GetFromJsonAsync<GetReferenceData.Result>("/api/reference", TestContext.Current.CancellationToken);

        result.ShouldNotBeNull();
        result.KeyPriorities.Count.ShouldBe(12);
        result.KeyPriorities[0].ShouldBe(new GetReferenceData.KeyPriority { Code = "P01", Title = "Pandemic Recovery" });
        result.GcmObjectives.Select(o => o.Number).ShouldBe(Enumerable.Range(1, 23));
    }
}
