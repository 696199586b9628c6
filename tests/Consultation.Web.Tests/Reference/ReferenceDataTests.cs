using System.Net.Http.Json;
using Consultation.Web.Features.Reference;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Reference;

/// <summary>The countries and M49 regions seeded by db/*/0004_countries_and_regions.sql.</summary>
public sealed class ReferenceDataTests(TestApps apps)
{
    static readonly string[] Continents = ["002", "019", "142", "150", "009"];

    // M49 places Antarctica in no region; the seed gives it a top-level region of its own.
    const string Antarctica = "010";

    [Theory, BothEngines]
    public async Task Lists_every_ISO_3166_country_once(Engine engine)
    {
        var reference = await GetAsync(engine);

        reference.Countries.Count.ShouldBe(249);
        reference.Countries.Select(c => c.Code).Distinct().Count().ShouldBe(249);
        reference.Countries.ShouldAllBe(c => c.Code.Length == 2 && c.Name.Length > 0);
    }

    [Theory, BothEngines]
    public async Task Every_country_belongs_to_one_of_the_five_continents_except_Antarctica(Engine engine)
    {
        var reference = await GetAsync(engine);
        var regions = reference.Regions.ToDictionary(r => r.Code);

        foreach (var country in reference.Countries)
        {
            var top = Ancestry(regions, country.RegionCode)[^1];
            if (country.Code == "AQ")
            {
                top.ShouldBe(Antarctica);
            }
            else
            {
                Continents.ShouldContain(top, $"{country.Code} resolves to {top}");
            }
        }
        reference.Regions.Where(r => r.ParentCode is null).Select(r => r.Code).Order()
            .ShouldBe(Continents.Append(Antarctica).Order());
    }

    [Theory, BothEngines]
    public async Task Countries_sit_in_their_most_specific_M49_region(Engine engine)
    {
        var reference = await GetAsync(engine);
        var regions = reference.Regions.ToDictionary(r => r.Code);
        string[] PathOf(string country) => Ancestry(regions, reference.Countries.Single(c => c.Code == country).RegionCode);

        PathOf("FR").ShouldBe(["155", "150"]);
        PathOf("BR").ShouldBe(["005", "419", "019"]);
        PathOf("NG").ShouldBe(["011", "202", "002"]);
        PathOf("PH").ShouldBe(["035", "142"]);
        PathOf("FJ").ShouldBe(["054", "009"]);
        PathOf("JE").ShouldBe(["830", "154", "150"]);
        PathOf("US").ShouldBe(["021", "019"]);
        regions["155"].Name.ShouldBe("Western Europe");
        regions["419"].Name.ShouldBe("Latin America and the Caribbean");
        regions["202"].Name.ShouldBe("Sub-Saharan Africa");
        reference.Countries.Single(c => c.Code == "CI").Name.ShouldBe("Côte d'Ivoire");
    }

    async Task<GetReferenceData.Result> GetAsync(Engine engine)
    {
        var result = await apps.For(engine).Client().GetFromJsonAsync<GetReferenceData.Result>("/api/reference", TestContext.Current.CancellationToken);
        result.ShouldNotBeNull();
        return result;
    }

    /// <summary>The region and its parents up to the top, most specific first; fails on a dangling or cyclic link.</summary>
    static string[] Ancestry(Dictionary<string, GetReferenceData.Region> regions, string code)
    {
        var path = new List<string>();
        for (string? current = code; current is not null; current = regions[current].ParentCode)
        {
            regions.ShouldContainKey(current);
            path.Count.ShouldBeLessThan(4, $"region {code} has a cycle or is nested too deep");
            path.Add(current);
        }
        return [.. path];
    }
}
