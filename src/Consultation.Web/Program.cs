using Consultation.Web.Features;
using Consultation.Web.Infrastructure;
using Consultation.Web.Infrastructure.Identity;
using Consultation.Web.Infrastructure.Web;
using Consultation.Web.Live;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddConsultationInfrastructure(builder.Configuration);
builder.Services.AddConsultationIdentity();
builder.Services.AddConsultationOpenIdConnect(builder.Configuration, builder.Environment);
builder.Services.AddConsultationLocalisation();
builder.Services.AddRazorPages(options => options.RootDirectory = "/Features").AddViewLocalization();
builder.Services.AddOpenApi();
builder.Services.AddConsultationLive(builder.Configuration);

var app = builder.Build();
app.Services.MigrateDatabase();
if (args.Contains("--migrate-only"))
{
    return;
}

app.UseExceptionHandler();
// API callers get problem details for bare status codes; browsers get a page in their language.
app.UseWhen(http => IdentitySetup.IsApi(http.Request), api => api.UseStatusCodePages());
app.UseWhen(http => !IdentitySetup.IsApi(http.Request), pages => pages.UseStatusCodePagesWithReExecute("/Error/{0}"));
app.UseOpenIdConnectResponses();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UseSecurityHeaders();
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
app.MapOpenApi();
app.MapScalarApiReference();
app.MapLanguageSwitch();
app.MapFeatureEndpoints();
app.MapRazorPages();
app.MapConsultationHubs();
app.Run();
