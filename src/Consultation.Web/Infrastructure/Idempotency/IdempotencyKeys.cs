using System.Security.Cryptography;
using System.Text;
using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Database;
using Consultation.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Consultation.Web.Infrastructure.Idempotency;

/// <summary>
/// Makes any /api write safe to retry: a signed-in caller sends an <c>Idempotency-Key</c> header (any unique text up to
/// 100 characters, e.g. a UUID), and a repeat of the same request with the same key gets the first answer again, with
/// <c>Idempotent-Replayed: true</c>, instead of acting twice. Reusing a key for a different request is a 422; a repeat
/// while the first is still running is a 409. Refusals (bad input, access denied) and failures are not kept: they
/// wrote nothing, so a retry is simply checked and run again.
/// Anonymous requests have no one to keep answers for, and run as if there were no key.
/// </summary>
public sealed class IdempotencyKeys(RequestDelegate next, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 100;

    /// <summary>A first request that has not answered in this long died with its process; a retry may take over.</summary>
    static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    const string ClaimSql = """
        INSERT INTO idempotent_request (user_id, idempotency_key, request_hash, created_at) VALUES (@UserId, @Key, @Hash, @Now)
        ON CONFLICT (user_id, idempotency_key) DO NOTHING
        """;
    const string FindSql = """
        SELECT request_hash AS RequestHash, status_code AS StatusCode, content_type AS ContentType, location AS Location,
               response_body AS ResponseBody, created_at AS CreatedAt
        FROM idempotent_request WHERE user_id = @UserId AND idempotency_key = @Key
        """;
    const string TakeOverSql = """
        UPDATE idempotent_request SET created_at = @Now
        WHERE user_id = @UserId AND idempotency_key = @Key AND status_code IS NULL AND created_at = @CreatedAt
        """;
    const string KeepSql = """
        UPDATE idempotent_request SET status_code = @StatusCode, content_type = @ContentType, location = @Location, response_body = @ResponseBody
        WHERE user_id = @UserId AND idempotency_key = @Key
        """;
    const string ForgetSql = "DELETE FROM idempotent_request WHERE user_id = @UserId AND idempotency_key = @Key";

    public async Task InvokeAsync(HttpContext http, Db db, IProblemDetailsService problems)
    {
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0 || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || Caller.UserIdOf(http.User) is not { } userId)
        {
            await next(http);
            return;
        }
        if (key.Length > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            await ProblemAsync(http, problems, StatusCodes.Status400BadRequest, "Invalid idempotency key",
                $"The {Header} header must be 1 to {MaxKeyLength} printable ASCII characters without spaces.");
            return;
        }

        var ct = http.RequestAborted;
        var ids = new { UserId = userId, Key = key, Hash = await RequestHashAsync(http.Request), Now = clock.GetUtcNow() };
        if (await db.ExecuteAsync(ClaimSql, ids, ct) == 0 && !await AnswerFromEarlierAsync(http, db, problems, userId, key, ids.Hash))
        {
            return;
        }

        var original = http.Response.Body;
        using var answer = new MemoryStream();
        http.Response.Body = answer;
        try
        {
            await next(http);
        }
        catch
        {
            await db.ExecuteAsync(ForgetSql, ids, CancellationToken.None);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }
        if (http.Response.StatusCode >= 500)
        {
            await db.ExecuteAsync(ForgetSql, ids, CancellationToken.None);
        }
        else
        {
            await db.ExecuteAsync(KeepSql, new
            {
                ids.UserId,
                ids.Key,
                http.Response.StatusCode,
                http.Response.ContentType,
                Location = http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                ResponseBody = Encoding.UTF8.GetString(answer.ToArray()),
            }, CancellationToken.None);
        }
        answer.Position = 0;
        await answer.CopyToAsync(original, ct);
    }

    /// <summary>
    /// Answers a repeated key: replays the kept answer, or refuses. True only when the earlier request was abandoned and
    /// this one has taken it over, and so must run.
    /// </summary>
    async Task<bool> AnswerFromEarlierAsync(HttpContext http, Db db, IProblemDetailsService problems, Guid userId, string key, string hash)
    {
        var ct = http.RequestAborted;
        var earlier = await db.QuerySingleOrDefaultAsync<KeptAnswer>(FindSql, new { UserId = userId, Key = key }, ct);
        if (earlier is null)
        {
            // Forgotten between our insert and this read (the first request failed): the client may simply retry.
            await ProblemAsync(http, problems, StatusCodes.Status409Conflict, "Request in progress",
                "An earlier request with this idempotency key has just failed; send it again.");
            return false;
        }
        if (earlier.RequestHash != hash)
        {
            await ProblemAsync(http, problems, StatusCodes.Status422UnprocessableEntity, "Idempotency key reused",
                "This idempotency key was already used for a different request. Use a new key for a new request.");
            return false;
        }
        if (earlier.StatusCode is { } status)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = earlier.ContentType;
            if (earlier.Location is not null)
            {
                http.Response.Headers.Location = earlier.Location;
            }
            http.Response.Headers[ReplayedHeader] = "true";
            await http.Response.WriteAsync(earlier.ResponseBody ?? "", ct);
            return false;
        }
        var now = clock.GetUtcNow();
        if (now - earlier.CreatedAt > AbandonedAfter
            && await db.ExecuteAsync(TakeOverSql, new { UserId = userId, Key = key, Now = now, earlier.CreatedAt }, ct) == 1)
        {
            return true;
        }
        await ProblemAsync(http, problems, StatusCodes.Status409Conflict, "Request in progress",
            "A request with this idempotency key is still being processed. Retry in a moment to get its answer.");
        return false;
    }

    /// <summary>What makes two requests "the same": method, path with query, and body.</summary>
    static async Task<string> RequestHashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }
        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    static async Task ProblemAsync(HttpContext http, IProblemDetailsService problems, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        await problems.WriteAsync(new() { HttpContext = http, ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail } });
    }

    sealed record KeptAnswer
    {
        public string RequestHash { get; init; } = "";
        public int? StatusCode { get; init; }
        public string? ContentType { get; init; }
        public string? Location { get; init; }
        public string? ResponseBody { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }
}

public static class IdempotencySetup
{
    /// <summary>After authentication (answers are kept per person), on /api only.</summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) =>
        app.UseWhen(http => IdentitySetup.IsApi(http.Request) && !http.Request.Path.StartsWithSegments("/hubs"),
            api => api.UseMiddleware<IdempotencyKeys>());
}
