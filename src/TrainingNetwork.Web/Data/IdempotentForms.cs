using System.Data;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using TrainingNetwork.Web.Pages;
using TrainingNetwork.Web.Security;

namespace TrainingNetwork.Web.Data;

/// <summary>
/// Makes every create and sign form save once, however often it is sent (requirement 43). The form carries a key issued
/// when it is rendered (<c>_IdempotencyKey</c>); before the handler runs, <see cref="IdempotentFormAttribute"/> refuses a
/// post without one and answers a used one from its record: the same content redirects to the original result, other
/// content is refused. Posts with one key take turns, so a double click waits for the first and then gets its result.
/// The handler saves its change with <see cref="SaveAsync"/>, or <see cref="Add"/>s the record to a transaction of its
/// own, so the key and the change commit together. Records are kept <see cref="KeptFor"/>, then deleted.
/// </summary>
public sealed partial class IdempotentForms(AppDbContext db, TimeProvider clock, ILogger<IdempotentForms> logger)
{
    public const string FieldName = "IdempotencyKey";

    /// <summary>How long a used key is remembered; a repeat after that is a new submission.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    // Namespaces the advisory locks of keys ("IDEM"): the two-integer lock space never meets the audit chain's bigint lock.
    private const int KeyLockSpace = 0x49_44_45_4D;

    private const string RefusalView = "/Pages/Shared/FormRefused.cshtml";

    // The password and authenticator code prove who signs, not what is signed: they stay out of the stored hash.
    private static readonly HashSet<string> NotHashed = new(StringComparer.OrdinalIgnoreCase)
    {
        "__RequestVerificationToken", FieldName, "Input.Password", "Input.Code",
    };

    private PostedForm? _posted;

    /// <summary>
    /// The key for a form rendered now: a new one, or after a refused post the key that post carried, so that correcting
    /// the form and sending it again is still the same submission.
    /// </summary>
    public Guid KeyForForm() => _posted?.Key ?? Guid.NewGuid();

    /// <summary>
    /// Adds the record of this post's key to the change tracker, for a handler that saves in a transaction of its own;
    /// <paramref name="result"/> is where a repeat of the post is sent, and is returned for the handler to answer with.
    /// </summary>
    public RedirectToPageResult Add(PageModel page, RedirectToPageResult result)
    {
        var posted = _posted ?? throw new InvalidOperationException($"No idempotency key was checked for {page.Request.Path}: mark the page [IdempotentForm].");
        var location = page.Url.Page(result.PageName, result.PageHandler, result.RouteValues, protocol: null, host: null, result.Fragment)
            ?? throw new InvalidOperationException($"There is no page {result.PageName} to redirect to.");
        db.IdempotencyRecords.Add(new IdempotencyRecord(posted.UserId, posted.Key, posted.Form, posted.Hash, location, clock.GetUtcNow()));
        return result;
    }

    /// <summary>
    /// Saves the page's change and the record of its key in one transaction, then redirects to <paramref name="result"/>
    /// with <paramref name="status"/>. When a duplicate of this post committed first, redirects to its result instead.
    /// </summary>
    public async Task<IActionResult> SaveAsync(PageModel page, RedirectToPageResult result, string status, CancellationToken ct)
    {
        Add(page, result);
        var posted = _posted!;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            if (await FindAsync(posted, ct) is not { } first)
            {
                throw;
            }

            db.ChangeTracker.Clear();
            return Repeat(page, first, posted);
        }

        page.TempData["Status"] = status;
        return result;
    }

    /// <summary>Runs a create or sign handler at most once for the key its form carries (see the class summary).</summary>
    internal async Task RunOnceAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = (PageModel)context.HandlerInstance;
        var request = context.HttpContext.Request;
        var ct = context.HttpContext.RequestAborted;
        if (!Guid.TryParse(request.Form[FieldName], out var key) || key == Guid.Empty)
        {
            LogMissingKey(logger, context.ActionDescriptor.ViewEnginePath);
            context.Result = Refusal(page, StatusCodes.Status400BadRequest, "This form cannot be sent",
                "The form arrived without the key that keeps it from being saved twice, so nothing was saved. Open the form again and send it from there.");
            return;
        }

        var posted = new PostedForm(page.User.GetUserId(), key, context.ActionDescriptor.ViewEnginePath, await HashAsync(request, ct));
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({KeyLockSpace}, {LockId(key)})", ct);
            try
            {
                var expired = clock.GetUtcNow() - KeptFor;
                await db.IdempotencyRecords.Where(r => r.UsedAt < expired).ExecuteDeleteAsync(ct);
                if (await FindAsync(posted, ct) is { } used)
                {
                    context.Result = Repeat(page, used, posted);
                    return;
                }

                _posted = posted;
                await next();
            }
            finally
            {
                await UnlockAsync(key);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task UnlockAsync(Guid key)
    {
        // A broken connection took the lock with it, and its error is the one to report.
        if (db.Database.GetDbConnection().State == ConnectionState.Open)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({KeyLockSpace}, {LockId(key)})", CancellationToken.None);
        }
    }

    private IActionResult Repeat(PageModel page, IdempotencyRecord used, PostedForm posted)
    {
        if (used.RequestHash != posted.Hash)
        {
            LogReusedWithOtherContent(logger, posted.Form, posted.UserId);
            return Refusal(page, StatusCodes.Status422UnprocessableEntity, "This form was already sent",
                "This form was already submitted with different content — open the form again. Nothing was saved from this submission.");
        }

        LogRepeated(logger, posted.Form, posted.UserId);
        page.TempData["Status"] = "You had already sent this form, so it was saved only once: here is the result.";
        return new LocalRedirectResult(used.ResultLocation);
    }

    private static ViewResult Refusal(PageModel page, int statusCode, string heading, string message) => new()
    {
        ViewName = RefusalView,
        StatusCode = statusCode,
        ViewData = new ViewDataDictionary<FormRefusal>(page.MetadataProvider, page.ModelState)
        {
            Model = new FormRefusal(heading, message, page.Request.PathBase + page.Request.Path),
        },
    };

    private Task<IdempotencyRecord?> FindAsync(PostedForm posted, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == posted.UserId && r.Key == posted.Key, ct);

    /// <summary>
    /// SHA-256 (hex) of what the post asks for: its address (page, handler, record) and its fields by name, files by
    /// content; not the antiforgery token, the key itself, or the signer's secrets.
    /// </summary>
    private static async Task<string> HashAsync(HttpRequest request, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var files = new List<string[]>();
        foreach (var file in form.Files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            await using var content = file.OpenReadStream();
            files.Add([file.Name, file.FileName, Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct))]);
        }

        var posted = new
        {
            Target = request.Path.Value + request.QueryString.Value,
            Fields = new SortedDictionary<string, string?[]>(
                form.Where(f => !NotHashed.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value.ToArray()), StringComparer.Ordinal),
            Files = files,
        };
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(posted)));
    }

    // Keys are random: their first four bytes spread the locks well enough, and a collision only makes two posts take turns.
    private static int LockId(Guid key) => BitConverter.ToInt32(key.ToByteArray());

    [LoggerMessage(Level = LogLevel.Warning, Message = "A post to {Form} had no idempotency key; refused")]
    private static partial void LogMissingKey(ILogger logger, string form);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An idempotency key on {Form} was reused with other content by user {UserId}; refused")]
    private static partial void LogReusedWithOtherContent(ILogger logger, string form, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A repeated post to {Form} by user {UserId} was answered with its first result")]
    private static partial void LogRepeated(ILogger logger, string form, string userId);

    private sealed record PostedForm(string UserId, Guid Key, string Form, string Hash);
}

/// <summary>What the refusal page says when a form's key is missing or was used for other content.</summary>
public sealed record FormRefusal(string Heading, string Message, string FormAddress);
