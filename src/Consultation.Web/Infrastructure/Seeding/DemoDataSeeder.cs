using System.Buffers.Binary;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Consultation.Web.Infrastructure.Database;
using Dapper;

namespace Consultation.Web.Infrastructure.Seeding;

/// <summary>
/// `seed --submissions 100000 --comments 1000000 [--consultations 20] [--organisations 2000] [--seed 42] [--force]`:
/// fills the database with realistic, deterministic demo data (the same seed gives the same rows) for trying the
/// pages and for the read benchmark. Refuses a database that already has consultations unless --force is given.
/// </summary>
public static class DemoDataSeeder
{
    public sealed record Options(int Submissions, int Comments, int Consultations = 20, int Organisations = 2000, int Seed = 42, bool Force = false)
    {
        public static Options Parse(IReadOnlyList<string> args)
        {
            int Number(string name, int fallback)
            {
                var at = args.ToList().IndexOf(name);
                return at >= 0 && at + 1 < args.Count ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
            }
            return new Options(Number("--submissions", 1000), Number("--comments", 10000), Number("--consultations", 20),
                Number("--organisations", 2000), Number("--seed", 42), args.Contains("--force"));
        }
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var options = Options.Parse(args);
        var connections = services.GetRequiredService<ConnectionFactory>();
        var clock = services.GetRequiredService<TimeProvider>();
        var result = await SeedAsync(connections, clock, options, Console.Out, CancellationToken.None);
        return result == SeedResult.Seeded ? 0 : 1;
    }

    public enum SeedResult { Seeded, RefusedNotEmpty }

    static readonly string[] Constituencies =
        ["migrant-led", "refugee-led", "diaspora", "trade-union", "womens-rights", "youth", "children", "indigenous",
         "lgbtqi", "faith-based", "human-rights", "humanitarian", "grassroots", "academic", "network"];

    // Rows per transaction: large enough that commits are rare, small enough that a failure loses little.
    const int RowsPerTransaction = 50_000;

    public static async Task<SeedResult> SeedAsync(ConnectionFactory connections, TimeProvider clock, Options o, TextWriter log, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        var existing = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM consultation");
        if (existing > 0 && !o.Force)
        {
            await log.WriteLineAsync($"The database already has {existing} consultations; add --force to seed on top of them.");
            return SeedResult.RefusedNotEmpty;
        }
        if (connections.Dialect == Dialect.Sqlite)
        {
            // A seed can simply be run again, so while it loads it trades durability for speed (per connection only).
            await connection.ExecuteAsync("PRAGMA synchronous = OFF; PRAGMA cache_size = -100000");
        }
        // A second --force run must not repeat the first run's ids.
        var rng = new Random(o.Seed + (int)existing);
        var countries = (await connection.QueryAsync<string>("SELECT code FROM country WHERE code <> 'AQ' ORDER BY code")).AsList();
        var now = clock.GetUtcNow().ToUniversalTime();
        var start = now.AddDays(-365);
        var total = Stopwatch.StartNew();
        var seeding = new Seeding(connection, rng, start, log);

        var people = Math.Clamp(o.Organisations, 10, 5000);
        var users = await seeding.PeopleAsync(people, ct);
        var organisations = await seeding.OrganisationsAsync(o.Organisations, countries, users, ct);
        var (consultations, networks) = await seeding.ConsultationsAsync(o.Consultations, organisations, users, now, ct);
        var submissions = await seeding.SubmissionsAsync(o.Submissions, o.Comments, consultations, organisations, users, ct);
        await seeding.CommentsAsync(submissions, users, ct);
        await log.WriteLineAsync(FormattableString.Invariant(
            $"Seeded {people} people, {organisations.Count} organisations, {networks} networks, {consultations.Count} consultations, {submissions.Count} submissions and {submissions.Sum(s => s.Comments)} comments in {total.Elapsed.TotalSeconds:F1} s."));
        return SeedResult.Seeded;
    }

    /// <summary>A version 7 Guid from the seeded generator: time-ordered like Guid.CreateVersion7, but reproducible.</summary>
    static Guid Version7(Random rng, DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        var milliseconds = at.ToUnixTimeMilliseconds();
        BinaryPrimitives.WriteInt64BigEndian(bytes[..8], (milliseconds << 16) | (long)(uint)(((bytes[6] & 0x0F) << 8) | bytes[7]));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    sealed record SeededSubmission(Guid Id, DateTimeOffset SubmittedAt, int Comments);

    sealed class Seeding(DbConnection connection, Random rng, DateTimeOffset start, TextWriter log)
    {
        public async Task<IReadOnlyList<Guid>> PeopleAsync(int count, CancellationToken ct)
        {
            var ids = new List<Guid>(count);
            await LoadAsync("people", ct, async transaction =>
            {
                var rows = Table(transaction, "\"AspNetUsers\"", "\"Id\"", "\"DisplayName\"", "\"PreferredLanguage\"", "\"CreatedAt\"", "\"UserName\"",
                    "\"NormalizedUserName\"", "\"Email\"", "\"NormalizedEmail\"", "\"EmailConfirmed\"", "\"SecurityStamp\"", "\"ConcurrencyStamp\"",
                    "\"PhoneNumberConfirmed\"", "\"TwoFactorEnabled\"", "\"LockoutEnabled\"", "\"AccessFailedCount\"");
                for (var i = 0; i < count; i++)
                {
                    var at = start.AddMinutes(i);
                    var id = Version7(rng, at);
                    ids.Add(id);
                    // No password: demo people cannot sign in. The .invalid domain can never receive mail.
                    var name = $"demo-{id:N}";
                    await rows.AddAsync(ct, id, $"Demo person {i + 1}", DemoWords.Languages[i % 4], at, name, name.ToUpperInvariant(),
                        $"{name}@example.invalid", $"{name}@example.invalid".ToUpperInvariant(), true, id.ToString("N"), id.ToString(),
                        false, false, true, 0);
                    await rows.CommitEveryAsync(RowsPerTransaction, ct);
                }
                await rows.FlushAsync(ct);
                return rows.Written;
            });
            return ids;
        }

        public async Task<IReadOnlyList<Guid>> OrganisationsAsync(int count, IReadOnlyList<string> countries, IReadOnlyList<Guid> users, CancellationToken ct)
        {
            var ids = new List<Guid>(count);
            await LoadAsync("organisations", ct, async transaction =>
            {
                var rows = Table(transaction, "organisation", "id", "name", "country_code", "description", "contact_email", "status", "verified_at", "created_at");
                var constituencies = Table(transaction, "organisation_constituency", "organisation_id", "constituency").After(rows);
                var members = Table(transaction, "organisation_member", "organisation_id", "user_id", "role", "joined_at").After(rows);
                for (var i = 0; i < count; i++)
                {
                    var at = start.AddMinutes(10 * i);
                    var id = Version7(rng, at);
                    ids.Add(id);
                    await rows.AddAsync(ct, id, DemoWords.OrganisationName(rng, i + 1), countries[rng.Next(countries.Count)],
                        DemoWords.Sentence(rng, DemoWords.Languages[rng.Next(4)], 8, 16), $"contact-{id:N}@example.invalid", "verified", at, at);
                    foreach (var constituency in Pick(Constituencies, rng.Next(1, 3)))
                    {
                        await constituencies.AddAsync(ct, id, constituency);
                    }
                    await members.AddAsync(ct, id, users[i % users.Count], "representative", at);
                }
                await rows.FlushAsync(ct);
                await constituencies.FlushAsync(ct);
                await members.FlushAsync(ct);
                return rows.Written + constituencies.Written + members.Written;
            });
            return ids;
        }

        public async Task<(IReadOnlyList<Guid> Consultations, int Networks)> ConsultationsAsync(
            int count, IReadOnlyList<Guid> organisations, IReadOnlyList<Guid> users, DateTimeOffset now, CancellationToken ct)
        {
            var ids = new List<Guid>(count);
            var networkCount = Math.Max(1, count / 4);
            await LoadAsync("networks and consultations", ct, async transaction =>
            {
                var networks = Table(transaction, "network", "id", "name", "description", "founding_organisation_id", "created_at");
                var organisers = Table(transaction, "network_organiser", "network_id", "user_id", "granted_at").After(networks);
                var consultations = Table(transaction, "consultation", "id", "network_id", "title", "description", "description_html", "scope",
                    "feeds_report", "opens_at", "closes_at", "status", "created_by", "created_at").After(networks);
                var networkIds = new List<Guid>();
                for (var n = 0; n < networkCount; n++)
                {
                    var at = start.AddHours(n);
                    var id = Version7(rng, at);
                    networkIds.Add(id);
                    await networks.AddAsync(ct, id, $"Regional Migrant Network {n + 1}", DemoWords.Sentence(rng, "en", 8, 14), organisations[n % organisations.Count], at);
                    await organisers.AddAsync(ct, id, users[n % users.Count], at);
                }
                for (var c = 0; c < count; c++)
                {
                    var at = start.AddDays(c);
                    var id = Version7(rng, at);
                    ids.Add(id);
                    var language = DemoWords.Languages[c % 4];
                    var description = DemoWords.Paragraphs(rng, language, 2);
                    // Most are open; a few have closed or been synthesised, so every report state is there to look at.
                    var status = (c % 5) switch { 0 => "closed", 1 => "synthesised", _ => "open" };
                    await consultations.AddAsync(ct, id, networkIds[c % networkIds.Count], $"{DemoWords.Sentence(rng, language, 3, 6)} ({c + 1})",
                        description, Html(description), "global", $"Voluntary National Review {2026 + c % 3}", at, now.AddDays(30 + c),
                        status, users[c % users.Count], at);
                }
                await networks.FlushAsync(ct);
                await organisers.FlushAsync(ct);
                await consultations.FlushAsync(ct);
                return networks.Written + organisers.Written + consultations.Written;
            });
            return (ids, networkCount);
        }

        public async Task<IReadOnlyList<SeededSubmission>> SubmissionsAsync(int count, int comments, IReadOnlyList<Guid> consultations,
            IReadOnlyList<Guid> organisations, IReadOnlyList<Guid> users, CancellationToken ct)
        {
            // Comments crowd on a few popular submissions, as they do in real threads.
            var commentsPer = new int[count];
            for (var i = 0; i < comments && count > 0; i++)
            {
                commentsPer[(int)(count * Math.Pow(rng.NextDouble(), 2.5))]++;
            }
            var seeded = new List<SeededSubmission>(count);
            await LoadAsync("submissions", ct, async transaction =>
            {
                var rows = Table(transaction, "submission", "id", "consultation_id", "organisation_id", "title", "summary", "body", "body_html",
                    "language", "status", "hidden", "created_by", "created_at", "submitted_at", "updated_at", "current_version", "thread_sequence");
                var versions = Table(transaction, "submission_version", "submission_id", "number", "title", "summary", "body", "language", "edited_by", "edited_at").After(rows);
                var priorities = Table(transaction, "submission_priority", "submission_id", "priority_code").After(rows);
                var objectives = Table(transaction, "submission_objective", "submission_id", "objective_number").After(rows);
                var signatories = Table(transaction, "submission_signatory", "submission_id", "organisation_id", "role", "status", "invited_at", "responded_at").After(rows);
                var span = TimeSpan.FromDays(360);
                for (var i = 0; i < count; i++)
                {
                    var at = start + span * ((double)i / Math.Max(1, count));
                    var id = Version7(rng, at);
                    var language = DemoWords.Languages[rng.Next(4)];
                    var title = DemoWords.Sentence(rng, language, 4, 9);
                    var summary = DemoWords.Sentence(rng, language, 15, 30);
                    var body = DemoWords.Paragraphs(rng, language, 2);
                    var lead = organisations[rng.Next(organisations.Count)];
                    var author = users[rng.Next(users.Count)];
                    // Comments go only to submitted inputs; a few others are drafts or withdrawn.
                    var status = commentsPer[i] > 0 ? "submitted" : (rng.Next(50)) switch { 0 => "draft", 1 => "withdrawn", _ => "submitted" };
                    var submitted = status != "draft";
                    await rows.AddAsync(ct, id, consultations[rng.Next(consultations.Count)], lead, title, summary, body, Html(body), language, status,
                        rng.Next(200) == 0, author, at, submitted ? at : null, at, submitted ? 1 : 0, commentsPer[i]);
                    if (submitted)
                    {
                        await versions.AddAsync(ct, id, 1, title, summary, body, language, author, at);
                    }
                    foreach (var code in Pick(Enumerable.Range(1, 12).Select(p => $"P{p:00}").ToArray(), rng.Next(1, 4)))
                    {
                        await priorities.AddAsync(ct, id, code);
                    }
                    foreach (var number in Pick(Enumerable.Range(1, 23).ToArray(), rng.Next(1, 4)))
                    {
                        await objectives.AddAsync(ct, id, number);
                    }
                    await signatories.AddAsync(ct, id, lead, "lead", "signed", at, at);
                    foreach (var cosigner in CoSigners(organisations, lead).Take(rng.Next(0, 4)).ToArray())
                    {
                        var answer = rng.Next(10) switch { 0 => "invited", 1 => "declined", _ => "signed" };
                        await signatories.AddAsync(ct, id, cosigner, "co-signer", answer, at, answer == "invited" ? null : at.AddHours(rng.Next(1, 72)));
                    }
                    seeded.Add(new SeededSubmission(id, at, commentsPer[i]));
                    await rows.CommitEveryAsync(RowsPerTransaction / 10, ct, versions, priorities, objectives, signatories);
                }
                foreach (var table in new[] { rows, versions, priorities, objectives, signatories })
                {
                    await table.FlushAsync(ct);
                }
                return rows.Written + versions.Written + priorities.Written + objectives.Written + signatories.Written;
            });
            return seeded;
        }

        // A handful of other organisations to ask for co-signatures (never the lead twice).
        IEnumerable<Guid> CoSigners(IReadOnlyList<Guid> organisations, Guid lead) =>
            Enumerable.Range(0, 6).Select(_ => organisations[rng.Next(organisations.Count)]).Where(o => o != lead).Distinct();

        public async Task CommentsAsync(IReadOnlyList<SeededSubmission> submissions, IReadOnlyList<Guid> users, CancellationToken ct)
        {
            await LoadAsync("comments", ct, async transaction =>
            {
                var rows = Table(transaction, "comment", "id", "submission_id", "parent_id", "depth", "author_user_id", "body", "body_html",
                    "created_at", "state", "upvotes", "sequence");
                var thread = new List<(Guid Id, int Depth)>();
                foreach (var submission in submissions.Where(s => s.Comments > 0))
                {
                    thread.Clear();
                    for (var sequence = 1; sequence <= submission.Comments; sequence++)
                    {
                        var at = submission.SubmittedAt.AddMinutes(sequence * 7 + rng.Next(5));
                        var id = Version7(rng, at);
                        // Half the comments reply to an earlier one, down to depth 3 (four levels).
                        (Guid Id, int Depth)? parent = thread.Count > 0 && rng.Next(2) == 0 ? thread[rng.Next(thread.Count)] : null;
                        if (parent is { Depth: >= 3 })
                        {
                            parent = null;
                        }
                        var depth = parent is { } p ? p.Depth + 1 : 0;
                        var body = DemoWords.Sentence(rng, DemoWords.Languages[rng.Next(4)], 8, 30);
                        var state = rng.Next(100) switch { 0 => "hidden", 1 => "pending", _ => "visible" };
                        await rows.AddAsync(ct, id, submission.Id, parent?.Id, depth, users[rng.Next(users.Count)], body, Html(body), at, state,
                            (int)(40 * Math.Pow(rng.NextDouble(), 4)), sequence);
                        thread.Add((id, depth));
                        await rows.CommitEveryAsync(RowsPerTransaction, ct);
                    }
                }
                await rows.FlushAsync(ct);
                return rows.Written;
            });
        }

        SeedTable Table(SeedTransaction transaction, string table, params string[] columns) =>
            new(transaction, new BatchInserter(connection, table, columns));

        async Task LoadAsync(string what, CancellationToken ct, Func<SeedTransaction, Task<long>> load)
        {
            var watch = Stopwatch.StartNew();
            await using var transaction = new SeedTransaction(connection);
            await transaction.BeginAsync(ct);
            var rows = await load(transaction);
            await transaction.CommitAsync(ct);
            await log.WriteLineAsync(FormattableString.Invariant($"  {what}: {rows} rows in {watch.Elapsed.TotalSeconds:F1} s"));
        }

        T[] Pick<T>(T[] from, int count) => from.OrderBy(_ => rng.Next()).Take(count).ToArray();
    }

    /// <summary>Seeded text is plain sentences, so its HTML is its paragraphs, encoded.</summary>
    static string Html(string text) =>
        string.Concat(text.Split("\n\n").Select(p => "<p>" + WebUtility.HtmlEncode(p) + "</p>"));

    /// <summary>The load's transaction, committed and begun again every so many rows so no transaction grows without bound.</summary>
    sealed class SeedTransaction(DbConnection connection) : IAsyncDisposable
    {
        public DbTransaction? Current { get; private set; }
        public List<BatchInserter> Tables { get; } = [];

        public async Task BeginAsync(CancellationToken ct)
        {
            Current = await connection.BeginTransactionAsync(ct);
            foreach (var table in Tables)
            {
                table.Transaction = Current;
            }
        }

        public async Task CommitAsync(CancellationToken ct)
        {
            await Current!.CommitAsync(ct);
            await Current.DisposeAsync();
            Current = null;
        }

        public async ValueTask DisposeAsync()
        {
            if (Current is not null)
            {
                await Current.DisposeAsync();
            }
        }
    }

    /// <summary>A table being loaded inside the load's transaction.</summary>
    sealed class SeedTable
    {
        readonly SeedTransaction transaction;
        readonly BatchInserter inserter;
        long sinceCommit;

        public SeedTable(SeedTransaction transaction, BatchInserter inserter)
        {
            this.transaction = transaction;
            this.inserter = inserter;
            inserter.Transaction = transaction.Current;
            transaction.Tables.Add(inserter);
        }

        public long Written => inserter.Written;

        public SeedTable After(SeedTable parent)
        {
            inserter.After(parent.inserter);
            return this;
        }

        public Task AddAsync(CancellationToken ct, params object?[] values) => inserter.AddAsync(ct, values);

        public Task FlushAsync(CancellationToken ct) => inserter.FlushAsync(ct);

        /// <summary>After every <paramref name="rows"/> calls: flush this and the related tables, commit, begin again.</summary>
        public async Task CommitEveryAsync(int rows, CancellationToken ct, params SeedTable[] related)
        {
            if (++sinceCommit < rows)
            {
                return;
            }
            sinceCommit = 0;
            await inserter.FlushAsync(ct);
            foreach (var table in related)
            {
                await table.FlushAsync(ct);
            }
            await transaction.CommitAsync(ct);
            await transaction.BeginAsync(ct);
        }
    }
}
