using Jtai.Inspectorate.Inspections;
using Jtai.Inspectorate.Team;
using Jtai.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Inspectorate.Data;

/// <summary>
/// Base of the Ofsted, CQC and HMICFRS databases: the shared inspectorate model (each one's own
/// copy of the inspections it takes part in) plus the messaging tables. Each service derives its
/// own context, adds what only it owns, and keeps its own migrations.
/// </summary>
public abstract class InspectorateDbContext(DbContextOptions options) : MessagingDbContext(options)
{
    public DbSet<InspectionCopy> Inspections => Set<InspectionCopy>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Shared features (evidence, follow-up base, ...) configure their tables beside their code.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InspectorateDbContext).Assembly);
        // Notice deliveries (Jtai.Notices) live in every service's own database.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(Jtai.Notices.Notice).Assembly);
        modelBuilder.Entity<InspectionCopy>(e =>
        {
            e.ToTable("inspections");
            e.HasKey(i => i.InspectionId);
            e.Property(i => i.InspectionId).ValueGeneratedNever();
            e.Property(i => i.LocalAreaCode).HasMaxLength(20);
            e.Property(i => i.LocalAreaName).HasMaxLength(200);
            e.Property(i => i.Theme).HasMaxLength(100);
            e.HasIndex(i => i.LocalAreaCode);
            // The list's order and its cursor: a page costs the same however many inspections there are.
            e.HasIndex(i => new { i.FieldworkStart, i.InspectionId });
        });
        modelBuilder.Entity<TeamMember>(e =>
        {
            e.ToTable("team_members");
            e.HasKey(m => new { m.InspectionId, m.UserId });
            e.Property(m => m.UserId).HasMaxLength(200);
            e.Property(m => m.Name).HasMaxLength(200);
            e.Property(m => m.Inspectorate).HasMaxLength(20);
            e.Property(m => m.TeamRole).HasMaxLength(40);
        });
    }
}
