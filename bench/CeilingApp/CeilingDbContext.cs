using Microsoft.EntityFrameworkCore;

namespace CeilingApp;

/// <summary>A read-only view of the portal's <c>centers</c> table: the four columns the page shows.</summary>
public sealed class CeilingDbContext(DbContextOptions<CeilingDbContext> options) : DbContext(options)
{
    public DbSet<CenterRow> Centers => Set<CenterRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<CenterRow>().ToTable("centers");
}

public sealed class CenterRow
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string City { get; set; } = "";
    public string State { get; set; } = "";
}
