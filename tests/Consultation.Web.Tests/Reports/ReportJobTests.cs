using System.Net;
using System.Text.Json;
using Consultation.Web.Tests.Support;

namespace Consultation.Web.Tests.Reports;

public sealed class ReportJobTests(TestApps apps)
{
    [Theory, BothEngines]
    public async Task A_background_job_completes_and_its_file_downloads(Engine engine)
    {
        var app = apps.For(engine);
        var ct = TestContext.Current.CancellationToken;
        var organiser = await app.CreatePersonAsync();
        var (consultationId, _) = await app.CreateReportConsultationAsync(organiser, "closed");
        var lead = await app.CreateOrganisationAsync(await app.CreatePersonAsync(), name: "Job Test Organisation");
        await app.CreateReportSubmissionAsync(consultationId, lead, "Safe return with dignity", "Summary.", ["P08"], [21]);
        var client = app.Client();

        using var started = await client.PostAsync($"/api/consultations/{consultationId}/report/jobs?format=csv", null, ct);
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var jobUrl = started.Headers.Location!.ToString();
        using var again = await client.PostAsync($"/api/consultations/{consultationId}/report/jobs?format=csv", null, ct);
        again.Headers.Location!.ToString().ShouldBe(jobUrl);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        JsonElement job;
        do
        {
            await Task.Delay(100, deadline.Token);
            job = JsonDocument.Parse(await client.GetStringAsync(jobUrl, deadline.Token)).RootElement;
        }
        while (job.GetProperty("status").GetString() is "queued" or "running");

        job.GetProperty("status").GetString().ShouldBe("done");
        job.GetProperty("percent").GetInt32().ShouldBe(100);
        job.GetProperty("total").GetInt64().ShouldBe(1);
        var file = await client.GetStringAsync(jobUrl + "/file", ct);
        file.ShouldContain("Safe return with dignity");
        var page = await client.GetStringAsync($"/Consultations/{consultationId}/Report/Jobs/{job.GetProperty("id").GetString()}", ct);
        page.ShouldContain(jobUrl + "/file");
        page.ShouldNotContain("http-equiv=\"refresh\"");
    }

    [Theory, BothEngines]
    public async Task A_queued_job_page_refreshes_itself_and_shows_progress(Engine engine)
    {
        var app = apps.For(engine);
        var organiser = await app.CreatePersonAsync();
        var (consultationId, _) = await app.CreateReportConsultationAsync(organiser, "closed");
        var jobId = Guid.CreateVersion7();
        // Created as running, so the runner (which claims only queued jobs) leaves it alone.
        await app.ExecuteSqlAsync("""
            INSERT INTO report_job (id, consultation_id, format, status, done, total, created_at) VALUES (@JobId, @ConsultationId, 'json', 'running', 250, 1000, @Now)
            """, new { JobId = jobId, ConsultationId = consultationId, Now = app.Clock.GetUtcNow() });

        var page = await app.Client().GetStringAsync($"/Consultations/{consultationId}/Report/Jobs/{jobId}", TestContext.Current.CancellationToken);

        page.ShouldContain("<meta http-equiv=\"refresh\" content=\"2\">");
        page.ShouldContain("<progress id=\"report-progress\" max=\"100\" value=\"25\">");
    }

    [Theory, BothEngines]
    public async Task Only_organisers_may_start_a_job_while_the_consultation_is_open(Engine engine)
    {
        var app = apps.For(engine);
        var organiser = await app.CreatePersonAsync();
        var (consultationId, _) = await app.CreateReportConsultationAsync(organiser, "open");
        var url = $"/api/consultations/{consultationId}/report/jobs?format=json";

        (await app.Client().StatusOfAsync(HttpMethod.Post, url)).ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Client(await app.CreatePersonAsync()).StatusOfAsync(HttpMethod.Post, url)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM report_job WHERE consultation_id = @Id", new { Id = consultationId })).ShouldBe(0);
        (await app.Client(organiser).StatusOfAsync(HttpMethod.Post, url)).ShouldBe(HttpStatusCode.Accepted);
    }
}
