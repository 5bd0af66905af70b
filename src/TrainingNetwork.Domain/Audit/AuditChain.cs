namespace TrainingNetwork.Domain.Audit;

/// <summary>Checks an audit trail read in sequence order: every hash recomputes, links to the one before, and no sequence is missing.</summary>
public static class AuditChain
{
    public static ChainCheck Verify(IEnumerable<AuditEntry> entriesInSequence)
    {
        var expectedPrevious = AuditEntry.GenesisHash;
        long expectedSequence = 1;
        foreach (var entry in entriesInSequence)
        {
            if (entry.Sequence != expectedSequence)
            {
                return ChainCheck.Broken(expectedSequence - 1, expectedPrevious, expectedSequence,
                    $"entry {expectedSequence} is missing (the next one is {entry.Sequence})");
            }

            if (entry.PreviousHash != expectedPrevious)
            {
                return ChainCheck.Broken(expectedSequence - 1, expectedPrevious, entry.Sequence,
                    $"entry {entry.Sequence} does not link to the hash of entry {entry.Sequence - 1}");
            }

            if (entry.ComputeHash() != entry.Hash)
            {
                return ChainCheck.Broken(expectedSequence - 1, expectedPrevious, entry.Sequence,
                    $"entry {entry.Sequence} was changed after it was written: its content no longer matches its hash");
            }

            expectedPrevious = entry.Hash;
            expectedSequence++;
        }

        return new ChainCheck(true, expectedSequence - 1, expectedPrevious, null, null);
    }
}

/// <summary>The outcome of <see cref="AuditChain.Verify"/>: how many entries were intact, the last intact hash, and the first break.</summary>
public sealed record ChainCheck(bool Intact, long IntactEntries, string HeadHash, long? BrokenAt, string? Problem)
{
    internal static ChainCheck Broken(long intact, string head, long at, string problem) => new(false, intact, head, at, problem);
}
