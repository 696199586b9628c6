using Consultation.Web.Features;
using Consultation.Web.Features.Accounts;
using Consultation.Web.Features.Reports;
using Consultation.Web.Features.Submissions;
using Consultation.Web.Infrastructure;
using Consultation.Web.Infrastructure.Idempotency;
using Consultation.Web.Infrastructure.Identity;
using Consultation.Web.Infrastructure.Seeding;
using Consultation.Web.Infrastructure.Web;
using Consultation.Web.Live;
using Microsoft.AspNetCore.HttpOverrides;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddConsultationInfrastructure(builder.Configuration);
builder.Services.AddConsultationIdentity();
builder.Services.AddConsultationOpenIdConnect(builder.Configuration, builder.Environment);
builder.Services.AddConsultationLocalisation();
builder.Services.AddRazorPages(options => options.RootDirectory = "/Features").AddViewLocalization();
builder.Services.AddOpenApi();
builder.Services.AddConsultationLive(builder.Configuration);
builder.Services.AddReports();
builder.Services.AddSubmissions();

var app = builder.Build();
app.Services.MigrateDatabase();
if (args.Contains("--migrate-only"))
{
    return;
}
if (args.FirstOrDefault() == "seed")
{
    Environment.Exit(await DemoDataSeeder.RunAsync(app.Services, args[1..]));
}
await app.Services.OfferFirstAdminLinkAsync();

// Behind nginx: the client's address and scheme come from X-Forwarded-*, trusted from loopback only (the default).
app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
app.UseExceptionHandler();
// API callers get problem details for bare status codes; browsers get a page in their language. The re-execution
// stays outside UseWhen: only the top-level builder can route the re-executed request (in a branch it is a 404).
app.UseStatusCodePagesWithReExecute("/Error/{0}");
app.UseWhen(http => IdentitySetup.IsApi(http.Request), api => api.UseStatusCodePages());
app.UseOpenIdConnectResponses();
// Routing after the status pages, so that their re-executed request is routed again to /Error/{code}.
app.UseRouting();
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
app.UseRateLimiter();
app.UseIdempotencyKeys();

app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
app.MapOpenApi();
app.MapScalarApiReference();
app.MapLanguageSwitch();
app.MapFeatureEndpoints();
app.MapRazorPages();
app.MapConsultationHubs();
app.Run();
