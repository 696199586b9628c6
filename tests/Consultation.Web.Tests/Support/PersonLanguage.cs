namespace Consultation.Web.Tests.Support;

public static class PersonLanguage
{
    /// <summary>Sets the interface language the person chose for their account (the Accounts tests cover the real form).</summary>
    public static Task SetPreferredLanguageAsync(this TestApp app, TestPerson person, string language) =>
        app.ExecuteSqlAsync("""UPDATE "AspNetUsers" SET "PreferredLanguage" = @Language WHERE "Id" = @Id""", new { Id = person.Id, Language = language });
}
