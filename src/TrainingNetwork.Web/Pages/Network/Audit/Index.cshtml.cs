using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Audit;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Reports;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Network.Audit;

/// <summary>
/// The audit trail: every visit re-verifies the whole hash chain and shows its head hash, so staff can write it down
/// outside the system; the entries are listed newest first, filtered in the query. Exporting the log is itself an entry.
/// </summary>
public sealed class IndexModel(AppDbContext db, AuditAnchors anchors, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    public const int MaxActorLength = 256;

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "subject")]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true, Name = "actor")]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public ChainCheck Check { get; private set; } = null!;

    /// <summary>The chain compared with the heads written down outside the database; null when anchors are not configured.</summary>
    public AnchorCheck? AnchorCheck { get; private set; }

    [TempData]
    public string? Anchored { get; set; }
    public TimeSpan CheckDuration { get; private set; }
    public IReadOnlyList<string> SubjectTypes { get; private set; } = [];
    public IReadOnlyList<LogRow> Entries { get; private set; } = [];
    public int MatchingCount { get; private set; }
    public int PageCount => Math.Max(1, (MatchingCount + PageSize - 1) / PageSize);

    public bool IsFiltered => Kind is not null || Subject is not null || Actor is not null || From is not null || To is not null;

    /// <summary>The filters as query values, for the pager and the export form.</summary>
    public Dictionary<string, string> FilterValues { get; } = [];

    public string? ProblemWith(string field) => ModelState[field]?.Errors.FirstOrDefault()?.ErrorMessage;

    public Task OnGetAsync(CancellationToken ct) => ShowAsync(ReadFilters(), ct);

    public async Task<IActionResult> OnPostAnchorAsync(CancellationToken ct)
    {
        if (anchors.Directory is null)
        {
            return BadRequest();
        }

        var anchor = await anchors.WriteAsync(ct);
        Anchored = $"Entry {anchor.Sequence} anchored outside the database.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        if (ReadFilters() is not { } entries)
        {
            await ShowAsync(null, ct);
            return Page();
        }

        var rows = await Rows(entries, newestFirst: false).ToListAsync(ct);
        db.Audit(User.GetUserId(), AuditAction.DataExported, "export", "audit-trail", null,
            new { Filters = FilterValues, Entries = rows.Count, LastSequence = rows.LastOrDefault()?.Sequence },
            $"Audit trail exported ({rows.Count} {(rows.Count == 1 ? "entry" : "entries")}{(IsFiltered ? ", filtered" : "")})");
        await db.SaveChangesAsync(ct);
        return CsvDownload.File($"audit-trail-{clock.Today():yyyy-MM-dd}.csv",
            ["Sequence", "Time (UTC)", "Actor", "Actor e-mail", "Action", "Subject type", "Subject id", "Summary",
             "Before SHA-256", "After SHA-256", "Previous hash", "Hash"],
            rows.Select(r => new[]
            {
                r.Sequence.ToString(CultureInfo.InvariantCulture), r.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                r.ActorName ?? "", r.ActorEmail ?? "", r.Action.ToString(), r.SubjectType, r.SubjectId, r.Summary,
                r.BeforeSha256 ?? "", r.AfterSha256 ?? "", r.PreviousHash, r.Hash,
            }));
    }

    /// <summary>Verifies the whole chain, streamed in sequence order, then reads one page of the matching entries.</summary>
    private async Task ShowAsync(IQueryable<AuditEntry>? entries, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        Check = AuditChain.Verify(db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().ToBlockingEnumerable(ct));
        CheckDuration = Stopwatch.GetElapsedTime(start);
        if (anchors.Directory is not null)
        {
            var anchored = await anchors.ReadAsync(ct);
            var sequences = anchored.Select(a => a.Sequence).ToList();
            var hashes = await db.AuditEntries.Where(a => sequences.Contains(a.Sequence)).ToDictionaryAsync(a => a.Sequence, a => a.Hash, ct);
            AnchorCheck = AuditAnchor.Compare(hashes, Check.IntactEntries, anchored);
        }

        SubjectTypes = await db.AuditEntries.Select(a => a.SubjectType).Distinct().OrderBy(s => s).ToListAsync(ct);
        if (entries is null)
        {
            return;
        }

        MatchingCount = await entries.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Entries = await Rows(entries, newestFirst: true).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    /// <summary>The entries matching the filters, or null (with messages next to the fields) when a filter is not valid.</summary>
    private IQueryable<AuditEntry>? ReadFilters()
    {
        // A page number that is not a number shows the first page, like one beyond the last shows the last.
        ModelState.Remove("pageNumber");
        Kind = Blank(Kind);
        Subject = Blank(Subject);
        Actor = Blank(Actor);
        From = Blank(From);
        To = Blank(To);
        AuditAction? action = null;
        if (Kind is not null)
        {
            action = Enum.GetNames<AuditAction>().Contains(Kind) ? Enum.Parse<AuditAction>(Kind) : null;
            Remember("kind", Kind, action is null ? "Choose an action from the list." : null);
        }

        Remember("subject", Subject, TextInput.Problem(Subject, 60));
        Remember("actor", Actor, TextInput.Problem(Actor, MaxActorLength));
        var from = ParseDate("from", From);
        var to = ParseDate("to", To);
        if (from > to)
        {
            ModelState.AddModelError("to", "The end date is before the start date.");
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        var entries = db.AuditEntries.AsNoTracking();
        if (action is { } wanted)
        {
            entries = entries.Where(a => a.Action == wanted);
        }

        if (Subject is not null)
        {
            entries = entries.Where(a => a.SubjectType == Subject);
        }

        if (Actor is not null)
        {
            var email = Actor.ToUpperInvariant();
            entries = entries.Where(a => db.Users.Any(u => u.Id == a.ActorUserId && u.NormalizedEmail!.Contains(email)));
        }

        if (from is { } first)
        {
            var since = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(a => a.At >= since);
        }

        if (to is { } last)
        {
            var before = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(a => a.At < before);
        }

        return entries;
    }

    private DateOnly? ParseDate(string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var valid = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        Remember(field, text, valid ? null : "Enter a date as YYYY-MM-DD.");
        return valid ? date : null;
    }

    private void Remember(string field, string? value, string? problem)
    {
        if (problem is not null)
        {
            ModelState.AddModelError(field, problem);
        }
        else if (value is not null)
        {
            FilterValues[field] = value;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Entries with their actor's name and e-mail; null for the system, or for an account that no longer exists.</summary>
    private IQueryable<LogRow> Rows(IQueryable<AuditEntry> entries, bool newestFirst)
    {
        var withActors =
            from entry in entries
            join user in db.Users on entry.ActorUserId equals user.Id into actors
            from actor in actors.DefaultIfEmpty()
            select new { Entry = entry, Name = actor.FullName, actor.Email };
        var ordered = newestFirst ? withActors.OrderByDescending(x => x.Entry.Sequence) : withActors.OrderBy(x => x.Entry.Sequence);
        return ordered.Select(x => new LogRow(
            x.Entry.Sequence, x.Entry.At, x.Entry.ActorUserId, x.Name, x.Email, x.Entry.Action, x.Entry.SubjectType, x.Entry.SubjectId,
            x.Entry.Summary, x.Entry.BeforeSha256, x.Entry.AfterSha256, x.Entry.PreviousHash, x.Entry.Hash));
    }

    public sealed record LogRow(
        long Sequence, DateTimeOffset At, string? ActorUserId, string? ActorName, string? ActorEmail, AuditAction Action,
        string SubjectType, string SubjectId, string Summary, string? BeforeSha256, string? AfterSha256, string PreviousHash, string Hash);
}
