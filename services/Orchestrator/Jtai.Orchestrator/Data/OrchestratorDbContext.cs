using Jtai.Messaging.Data;
using Jtai.Orchestrator.Inspections;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Orchestrator.Data;

/// <summary>The orchestrator's own database: the joint inspections and their messaging tables.</summary>
public sealed class OrchestratorDbContext(DbContextOptions<OrchestratorDbContext> options) : MessagingDbContext(options)
{
    public DbSet<Inspection> Inspections => Set<Inspection>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Each feature folder configures its own tables (IEntityTypeConfiguration).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrchestratorDbContext).Assembly);
        // Notice deliveries (Jtai.Notices) live in every service's own database.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(Jtai.Notices.Notice).Assembly);
        modelBuilder.Entity<Inspection>(e =>
        {
            e.ToTable("inspections");
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.LocalAreaCode).HasMaxLength(20);
            e.Property(i => i.LocalAreaName).HasMaxLength(200);
            e.Property(i => i.Theme).HasMaxLength(100);
            e.Property(i => i.Status).HasMaxLength(40);
            e.Property(i => i.ScheduledBy).HasMaxLength(200);
            e.HasIndex(i => i.LocalAreaCode);
            // The list's order and its cursor: a page costs the same however many inspections there are.
            e.HasIndex(i => new { i.FieldworkStart, i.Id });
            // PostgreSQL's xmin as the concurrency token: concurrent transitions cannot both win.
            e.Property(i => i.Version).IsRowVersion();
        });
    }
}
