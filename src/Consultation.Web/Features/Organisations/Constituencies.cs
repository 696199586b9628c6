namespace Consultation.Web.Features.Organisations;

/// <summary>The constituencies an organisation may name itself by (the CHECK in db/*/0005_organisations.sql).</summary>
public static class Constituencies
{
    /// <summary>Code to English label; pages translate the label.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> All =
    [
        new("migrant-led", "Migrant-led"),
        new("refugee-led", "Refugee-led"),
        new("diaspora", "Diaspora"),
        new("trade-union", "Trade union"),
        new("womens-rights", "Women's rights"),
        new("youth", "Youth"),
        new("children", "Children"),
        new("indigenous", "Indigenous"),
        new("lgbtqi", "LGBTQI"),
        new("faith-based", "Faith-based"),
        new("human-rights", "Human rights"),
        new("humanitarian", "Humanitarian"),
        new("grassroots", "Grassroots / community"),
        new("academic", "Academic"),
        new("network", "Network"),
    ];

    public static bool IsKnown(string? code) => All.Any(c => c.Key == code);

    public static string Label(string code) => All.FirstOrDefault(c => c.Key == code).Value ?? code;
}
