using Jtai.Inspectorate.Data;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Cqc.Data;

/// <summary>Cqc's own database: nobody else reads it.</summary>
public sealed class CqcDbContext(DbContextOptions<CqcDbContext> options) : InspectorateDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Each feature folder configures its own tables (IEntityTypeConfiguration).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CqcDbContext).Assembly);
    }
}
