using TrainingNetwork.Domain.Audit;

namespace TrainingNetwork.Domain.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 15, 0, TimeSpan.Zero);

    [Fact]
    public void Verify_intact_chain_reports_every_entry_and_the_last_hash_as_head()
    {
        var chain = NewChain(5);

        var check = AuditChain.Verify(chain);

        Assert.Equal(new ChainCheck(true, 5, chain[^1].Hash, null, null), check);
    }

    [Fact]
    public void Verify_empty_trail_is_intact_with_the_genesis_hash_as_head()
    {
        Assert.Equal(new ChainCheck(true, 0, AuditEntry.GenesisHash, null, null), AuditChain.Verify([]));
    }

    [Fact]
    public void Chain_links_each_entry_to_the_hash_of_the_one_before()
    {
        var chain = NewChain(3);

        Assert.Equal(AuditEntry.GenesisHash, chain[0].PreviousHash);
        Assert.Equal([chain[0].Hash, chain[1].Hash], chain.Skip(1).Select(e => e.PreviousHash));
        Assert.All(chain, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash));
        Assert.Equal(3, chain.Select(e => e.Hash).Distinct().Count());
    }

    [Theory]
    [InlineData(nameof(AuditEntry.Summary), 3, "Case approved without review")]
    [InlineData(nameof(AuditEntry.ActorUserId), 2, "someone-else")]
    [InlineData(nameof(AuditEntry.ActorUserId), 4, null)]
    [InlineData(nameof(AuditEntry.BeforeSha256), 4, "1111111111111111111111111111111111111111111111111111111111111111")]
    [InlineData(nameof(AuditEntry.AfterSha256), 1, null)]
    [InlineData(nameof(AuditEntry.SubjectId), 5, "another-case")]
    [InlineData(nameof(AuditEntry.SubjectType), 2, "placement")]
    public void Verify_entry_changed_after_writing_is_broken_at_that_entry(string field, long sequence, string? storedValue)
    {
        var chain = NewChain(5);
        Store(chain[(int)sequence - 1], field, storedValue);

        var check = AuditChain.Verify(chain);

        AssertBrokenAt(sequence, chain, check);
        Assert.Equal($"entry {sequence} was changed after it was written: its content no longer matches its hash", check.Problem);
    }

    [Fact]
    public void Verify_text_moved_across_a_field_boundary_is_broken_at_that_entry()
    {
        var chain = NewChain(3);
        var entry = chain[1];
        Store(entry, nameof(AuditEntry.SubjectId), entry.SubjectId + "\n" + entry.BeforeSha256);
        Store(entry, nameof(AuditEntry.BeforeSha256), null);

        AssertBrokenAt(2, chain, AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_changed_action_or_time_is_broken_at_that_entry()
    {
        var changedAction = NewChain(4);
        Store(changedAction[1], nameof(AuditEntry.Action), AuditAction.CaseApproved);
        var changedTime = NewChain(4);
        Store(changedTime[2], nameof(AuditEntry.At), changedTime[2].At.AddSeconds(-1));

        AssertBrokenAt(2, changedAction, AuditChain.Verify(changedAction));
        AssertBrokenAt(3, changedTime, AuditChain.Verify(changedTime));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void Verify_removed_entry_is_reported_missing(int sequence)
    {
        var chain = NewChain(5);
        var withoutOne = chain.Where(e => e.Sequence != sequence).ToList();

        var check = AuditChain.Verify(withoutOne);

        AssertBrokenAt(sequence, chain, check);
        Assert.Equal($"entry {sequence} is missing (the next one is {sequence + 1})", check.Problem);
    }

    [Fact]
    public void Verify_entries_read_out_of_order_are_broken_where_the_order_changes()
    {
        var chain = NewChain(5);

        var check = AuditChain.Verify([chain[0], chain[2], chain[1], chain[3], chain[4]]);

        AssertBrokenAt(2, chain, check);
    }

    [Fact]
    public void Verify_entries_renumbered_to_swap_places_do_not_link()
    {
        var chain = NewChain(5);
        Store(chain[1], nameof(AuditEntry.Sequence), 3L);
        Store(chain[2], nameof(AuditEntry.Sequence), 2L);

        var check = AuditChain.Verify(chain.OrderBy(e => e.Sequence));

        AssertBrokenAt(2, chain, check);
        Assert.Equal("entry 2 does not link to the hash of entry 1", check.Problem);
    }

    [Fact]
    public void Verify_forged_entry_inserted_and_chained_breaks_the_link_of_the_entry_after_it()
    {
        var chain = NewChain(5);
        var forged = Entry(99, "Placement accepted");
        forged.Chain(3, chain[1].Hash);
        foreach (var later in chain.Skip(2))
        {
            Store(later, nameof(AuditEntry.Sequence), later.Sequence + 1);
        }

        var check = AuditChain.Verify([chain[0], chain[1], forged, .. chain.Skip(2)]);

        Assert.Equal((false, 3L, forged.Hash, 4L), (check.Intact, check.IntactEntries, check.HeadHash, check.BrokenAt));
        Assert.Equal("entry 4 does not link to the hash of entry 3", check.Problem);
    }

    [Fact]
    public void Verify_changed_previous_hash_is_broken_at_that_entry()
    {
        var chain = NewChain(5);
        Store(chain[2], nameof(AuditEntry.PreviousHash), AuditEntry.GenesisHash);

        var check = AuditChain.Verify(chain);

        AssertBrokenAt(3, chain, check);
        Assert.Equal("entry 3 does not link to the hash of entry 2", check.Problem);
    }

    [Fact]
    public void Verify_entry_rewritten_with_a_recomputed_hash_breaks_the_link_of_the_next_entry()
    {
        var chain = NewChain(5);
        Store(chain[2], nameof(AuditEntry.Summary), "Nothing happened");
        chain[2].Chain(3, chain[1].Hash);

        var check = AuditChain.Verify(chain);

        Assert.Equal((false, 3L, chain[2].Hash, 4L), (check.Intact, check.IntactEntries, check.HeadHash, check.BrokenAt));
    }

    [Fact]
    public void Verify_last_entry_rewritten_with_a_recomputed_hash_shows_only_in_a_different_head_hash()
    {
        // Why the staff page shows the head hash: a rewritten tail verifies, but no longer ends in the hash written down.
        var chain = NewChain(3);
        var headWrittenDown = chain[^1].Hash;
        Store(chain[2], nameof(AuditEntry.Summary), "Nothing happened");
        chain[2].Chain(3, chain[1].Hash);

        var check = AuditChain.Verify(chain);

        Assert.True(check.Intact);
        Assert.NotEqual(headWrittenDown, check.HeadHash);
    }

    [Theory]
    [InlineData("", "case-1", "Case submitted")]
    [InlineData("  ", "case-1", "Case submitted")]
    [InlineData(null, "case-1", "Case submitted")]
    [InlineData("case", "", "Case submitted")]
    [InlineData("case", " ", "Case submitted")]
    [InlineData("case", "case-1", "")]
    [InlineData("case", "case-1", " \t")]
    [InlineData("case", "case-1", null)]
    public void Record_blank_subject_or_summary_is_refused(string? subjectType, string? subjectId, string? summary)
    {
        Assert.ThrowsAny<ArgumentException>(() =>
            AuditEntry.Record(Start, "user-1", AuditAction.CaseSubmitted, subjectType!, subjectId!, null, null, summary!));
    }

    [Fact]
    public void Chain_refuses_a_sequence_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Entry(1, "Case submitted").Chain(0, AuditEntry.GenesisHash));
    }

    [Fact]
    public void Record_keeps_only_the_hashes_of_the_snapshots()
    {
        string[] staff = ["Staff"], adminAndStaff = ["Admin", "Staff"];
        var created = AuditEntry.Record(Start, "user-1", AuditAction.RoleGranted, "account", "user-2", null, staff, "Staff role granted");
        var same = AuditEntry.Record(Start, "user-1", AuditAction.RoleGranted, "account", "user-2", staff, adminAndStaff, "Admin role granted");

        Assert.Null(created.BeforeSha256);
        Assert.Matches("^[0-9a-f]{64}$", created.AfterSha256!);
        Assert.Equal(created.AfterSha256, same.BeforeSha256);
        Assert.NotEqual(same.BeforeSha256, same.AfterSha256);
    }

    [Fact]
    public void Record_stores_the_time_in_utc_at_microsecond_precision()
    {
        var local = new DateTimeOffset(2026, 3, 2, 11, 15, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);

        var entry = AuditEntry.Record(local, null, AuditAction.ListingLapsed, "listing", "l-1", null, null, "Listing lapsed");

        Assert.Equal(TimeSpan.Zero, entry.At.Offset);
        Assert.Equal(local.UtcTicks - 7, entry.At.UtcTicks);
    }

    [Fact]
    public void Verify_entry_read_back_at_the_databases_microsecond_precision_still_verifies()
    {
        var chain = NewChain(3, subMicrosecondTicks: 7);
        foreach (var entry in chain)
        {
            // What PostgreSQL's timestamptz returns: microseconds, as UTC.
            Store(entry, nameof(AuditEntry.At), new DateTimeOffset(entry.At.UtcTicks / 10 * 10, TimeSpan.Zero));
        }

        Assert.True(AuditChain.Verify(chain).Intact);
    }

    [Fact]
    public void Verify_entry_read_back_at_millisecond_precision_does_not_verify()
    {
        var chain = NewChain(3, subMicrosecondTicks: 7);
        Store(chain[1], nameof(AuditEntry.At), new DateTimeOffset(chain[1].At.UtcTicks / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond, TimeSpan.Zero));

        AssertBrokenAt(2, chain, AuditChain.Verify(chain));
    }

    private static void AssertBrokenAt(long sequence, List<AuditEntry> original, ChainCheck check)
    {
        var lastIntactHash = sequence == 1 ? AuditEntry.GenesisHash : original[(int)sequence - 2].Hash;
        Assert.Equal((false, sequence - 1, lastIntactHash, (long?)sequence), (check.Intact, check.IntactEntries, check.HeadHash, check.BrokenAt));
        Assert.NotNull(check.Problem);
    }

    /// <summary>A chain of <paramref name="count"/> entries a minute apart, each time off the microsecond by <paramref name="subMicrosecondTicks"/>.</summary>
    private static List<AuditEntry> NewChain(int count, int subMicrosecondTicks = 0)
    {
        var chain = new List<AuditEntry>();
        var previous = AuditEntry.GenesisHash;
        for (var i = 1; i <= count; i++)
        {
            var entry = Entry(i, $"Case {i} submitted for review", Start.AddMinutes(i).AddTicks(1230 + subMicrosecondTicks));
            entry.Chain(i, previous);
            previous = entry.Hash;
            chain.Add(entry);
        }

        return chain;
    }

    private static AuditEntry Entry(int n, string summary, DateTimeOffset? at = null) =>
        AuditEntry.Record(at ?? Start, $"user-{n}", AuditAction.CaseSubmitted, "case", $"case-{n}", new { Status = "Draft", n }, new { Status = "Submitted", n }, summary);

    /// <summary>
    /// Sets a stored field as a row edited in the database reads back: EF Core fills the same private setters, and the
    /// hash stays the one written with the entry.
    /// </summary>
    private static void Store(AuditEntry entry, string field, object? value) =>
        typeof(AuditEntry).GetProperty(field)!.SetValue(entry, value);
}
