using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Domain.Centers;
using TrainingNetwork.Domain.Credentials;
using TrainingNetwork.Domain.Validation;
using TrainingNetwork.Web.Data;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Pages.Network.Verification;

/// <summary>
/// The staff queue of preceptor listings: those waiting for a first check against their license page, those waiting for a
/// second staff member to confirm it, and the verified listings that end soon or have ended, whose rights end with them.
/// Filters are query-string parameters, so a filtered queue can be bookmarked.
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int MaxSearchLength = 100;
    public const int ExpiryHorizonDays = 90;

    /// <summary>Each section lists at most this many listings; the counts say how many there are.</summary>
    public const int MaxRows = 100;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "center")]
    public Guid? CenterId { get; set; }

    public IReadOnlyList<CenterOption> Centers { get; private set; } = [];

    public QueueCounts Counts { get; private set; } = QueueCounts.None;

    public ListingTable FirstCheck { get; private set; } = ListingTable.Empty;
    public ListingTable Confirmation { get; private set; } = ListingTable.Empty;
    public ListingTable EndingSoon { get; private set; } = ListingTable.Empty;
    public ListingTable Ended { get; private set; } = ListingTable.Empty;

    public bool IsFiltered => Search is not null || CenterId is not null;

    public string? ProblemWith(string field) => ModelState[field]?.Errors.FirstOrDefault()?.ErrorMessage;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Search = Search?.Trim() is { Length: > 0 } search ? search : null;
        Centers = await db.Centers.OrderBy(c => c.Name).Select(c => new CenterOption(c.Id, c.Name)).ToListAsync(ct);
        CheckFilters();
        if (!ModelState.IsValid)
        {
            return;
        }

        var listings = Filtered();
        var today = clock.Today();
        var horizon = today.AddDays(ExpiryHorizonDays);
        var verified = listings.Where(a => a.Verification == VerificationStatus.Verified);
        Counts = await listings.GroupBy(_ => 1)
            .Select(g => new QueueCounts(
                g.Count(a => a.Verification == VerificationStatus.Unverified),
                g.Count(a => a.Verification == VerificationStatus.FirstCheckDone),
                g.Count(a => a.Verification == VerificationStatus.Verified),
                g.Count(a => a.Verification == VerificationStatus.Verified && a.ListedUntil >= today && a.ListedUntil <= horizon),
                g.Count(a => a.Verification == VerificationStatus.Verified && a.ListedUntil < today)))
            .SingleOrDefaultAsync(ct) ?? QueueCounts.None;

        var matching = IsFiltered ? " that match the filter" : "";
        // Listing ids are version-7 GUIDs: in id order, the listing added first comes first.
        FirstCheck = await TableAsync(
            listings.Where(a => a.Verification == VerificationStatus.Unverified).OrderBy(a => a.Id),
            ListingColumn.LicensePage, Counts.WaitingForFirstCheck, "Listings waiting for a first check, oldest first",
            $"No listings{matching} are waiting for a first check. New listings appear here as preceptors add them with their license page.", ct);
        Confirmation = await TableAsync(
            listings.Where(a => a.Verification == VerificationStatus.FirstCheckDone).OrderBy(a => a.FirstCheckedAt).ThenBy(a => a.Id),
            ListingColumn.FirstCheck, Counts.WaitingForConfirmation, "Listings checked once and waiting for a second staff member, oldest check first",
            $"No listings{matching} are waiting for a second check.", ct);
        EndingSoon = await TableAsync(
            verified.Where(a => a.ListedUntil >= today && a.ListedUntil <= horizon).OrderBy(a => a.ListedUntil).ThenBy(a => a.Id),
            ListingColumn.Ends, Counts.EndingSoon, "Verified listings ending soon, soonest first",
            $"No verified listings{matching} end within the next {ExpiryHorizonDays} days.", ct);
        Ended = await TableAsync(
            verified.Where(a => a.ListedUntil < today).OrderByDescending(a => a.ListedUntil).ThenBy(a => a.Id),
            ListingColumn.Ended, Counts.Ended, "Verified listings that have ended, most recent first",
            $"No verified listings{matching} have ended.", ct);
    }

    private IQueryable<PracticeAuthorization> Filtered()
    {
        var listings = db.OfPreceptors();
        if (Search is not null)
        {
            var pattern = SearchPatterns.Containing(Search);
            listings = listings.Where(a => EF.Functions.ILike(a.License, pattern)
                || db.Users.Any(u => u.Id == a.UserId && (EF.Functions.ILike(u.FullName, pattern) || EF.Functions.ILike(u.Email!, pattern))));
        }

        if (CenterId is { } centerId)
        {
            listings = listings.Where(a => db.CenterMemberships.Any(m => m.UserId == a.UserId && m.CenterId == centerId && m.Role == CenterRole.Preceptor));
        }

        return listings;
    }

    private void CheckFilters()
    {
        if (TextInput.Problem(Search, MaxSearchLength) is { } problem)
        {
            ModelState.AddModelError("q", problem);
        }

        if (CenterId is { } centerId && Centers.All(c => c.Id != centerId))
        {
            ModelState.AddModelError("center", "Choose a center from the list.");
        }
    }

    private async Task<ListingTable> TableAsync(
        IQueryable<PracticeAuthorization> listings, ListingColumn column, int total, string caption, string emptyText, CancellationToken ct) =>
        new(caption, emptyText, await listings.Take(MaxRows).AsPreceptorListings(db).ToListAsync(ct), total, column, clock.Today(), User.GetUserId());

    public sealed record CenterOption(Guid Id, string Name);

    public sealed record QueueCounts(int WaitingForFirstCheck, int WaitingForConfirmation, int Verified, int EndingSoon, int Ended)
    {
        public static readonly QueueCounts None = new(0, 0, 0, 0, 0);

        /// <summary>Listings that are verified or on their way to it; a rejected listing is out of the count.</summary>
        public int Checkable => WaitingForFirstCheck + WaitingForConfirmation + Verified;
    }
}

/// <summary>What a queue table shows in its last column, besides the listing, the preceptor and the listed dates.</summary>
public enum ListingColumn
{
    LicensePage,
    FirstCheck,
    Ends,
    Ended,
}

/// <summary>One section of the queue: its first <see cref="IndexModel.MaxRows"/> listings, and how many there are.</summary>
public sealed record ListingTable(
    string Caption, string EmptyText, IReadOnlyList<PreceptorListing> Rows, int Total, ListingColumn Column, DateOnly Today, string CurrentUserId)
{
    public static readonly ListingTable Empty = new("", "", [], 0, ListingColumn.LicensePage, default, "");

    public string ColumnHeading => Column switch
    {
        ListingColumn.FirstCheck => "First check",
        ListingColumn.Ends => "Ends",
        ListingColumn.Ended => "Ended",
        _ => "License page",
    };

    /// <summary>File names may break anywhere; dates never break.</summary>
    public string? LastCellClass => Column switch
    {
        ListingColumn.LicensePage => "text-break",
        ListingColumn.Ends or ListingColumn.Ended => "text-nowrap",
        _ => null,
    };

    /// <summary>The last column of a listing's row, and a line under it when there is something to point out.</summary>
    public (string Text, string? Note) LastCell(PreceptorListing listing) => Column switch
    {
        ListingColumn.FirstCheck => (
            $"{listing.FirstChecker}, {listing.FirstCheckedAt?.UtcDateTime:yyyy-MM-dd}",
            listing.FirstCheckedByUserId == CurrentUserId ? "Your check: another staff member confirms it" : null),
        ListingColumn.Ends => ($"{listing.ListedUntil:yyyy-MM-dd}", (listing.ListedUntil!.Value.DayNumber - Today.DayNumber) switch
        {
            0 => "today",
            1 => "tomorrow",
            var days => $"in {days} days",
        }),
        ListingColumn.Ended => ($"{listing.ListedUntil:yyyy-MM-dd}", (Today.DayNumber - listing.ListedUntil!.Value.DayNumber) switch
        {
            1 => "yesterday; no rights since",
            var days => $"{days} days ago; no rights since",
        }),
        _ => listing.DocumentName is null ? ("None uploaded", "Nothing to check against") : (listing.DocumentName, null),
    };
}
