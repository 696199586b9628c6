using System.Text;

namespace Consultation.Web.Infrastructure.Seeding;

/// <summary>Word lists in the platform's four languages, so seeded text looks like real multilingual input.</summary>
public static class DemoWords
{
    public static readonly string[] Languages = ["en", "fr", "es", "ar"];

    static readonly Dictionary<string, string[]> Words = new()
    {
        ["en"] = ["migrants", "rights", "access", "health", "housing", "work", "children", "families", "borders", "detention",
            "regular", "pathways", "community", "language", "services", "protection", "dignity", "women", "youth", "climate",
            "data", "recruitment", "wages", "safety", "return", "inclusion", "justice", "schools", "documents", "voice"],
        ["fr"] = ["migrants", "droits", "accès", "santé", "logement", "travail", "enfants", "familles", "frontières", "rétention",
            "voies", "régulières", "communauté", "langue", "services", "protection", "dignité", "femmes", "jeunesse", "climat",
            "données", "recrutement", "salaires", "sécurité", "retour", "inclusion", "justice", "écoles", "papiers", "voix"],
        ["es"] = ["migrantes", "derechos", "acceso", "salud", "vivienda", "trabajo", "niñez", "familias", "fronteras", "detención",
            "vías", "regulares", "comunidad", "idioma", "servicios", "protección", "dignidad", "mujeres", "juventud", "clima",
            "datos", "contratación", "salarios", "seguridad", "retorno", "inclusión", "justicia", "escuelas", "documentos", "voz"],
        ["ar"] = ["المهاجرين", "حقوق", "الوصول", "الصحة", "السكن", "العمل", "الأطفال", "الأسر", "الحدود", "الاحتجاز",
            "مسارات", "نظامية", "المجتمع", "اللغة", "الخدمات", "الحماية", "الكرامة", "النساء", "الشباب", "المناخ",
            "البيانات", "التوظيف", "الأجور", "السلامة", "العودة", "الإدماج", "العدالة", "المدارس", "الوثائق", "صوت"],
    };

    static readonly string[] OrganisationKinds =
        ["Migrant Workers Union", "Diaspora Network", "Refugee Women's Collective", "Youth Forum", "Community Legal Aid",
         "Domestic Workers Alliance", "Indigenous Peoples Council", "Faith Action", "Human Rights Centre", "Solidarity Association"];

    static readonly string[] Places =
        ["Nairobi", "Dakar", "Manila", "Dhaka", "Quito", "Beirut", "Tijuana", "Lagos", "Kathmandu", "Amman", "Madrid", "Lyon",
         "Tunis", "Bogotá", "Johannesburg", "Jakarta", "Kampala", "Lima", "Casablanca", "Athens"];

    /// <summary>The words seeded text in a language is made of (the read benchmark searches for them).</summary>
    public static IReadOnlyList<string> Vocabulary(string language) => Words[language];

    public static string Sentence(Random rng, string language, int minWords, int maxWords)
    {
        var words = Words[language];
        var count = rng.Next(minWords, maxWords + 1);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var word = words[rng.Next(words.Length)];
            text.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : " " + word);
        }
        return text.Append('.').ToString();
    }

    public static string Paragraphs(Random rng, string language, int paragraphs) =>
        string.Join("\n\n", Enumerable.Range(0, paragraphs).Select(_ =>
            string.Join(' ', Enumerable.Range(0, rng.Next(3, 6)).Select(_ => Sentence(rng, language, 6, 14)))));

    public static string OrganisationName(Random rng, int number) =>
        $"{Places[rng.Next(Places.Length)]} {OrganisationKinds[rng.Next(OrganisationKinds.Length)]} {number}";
}
