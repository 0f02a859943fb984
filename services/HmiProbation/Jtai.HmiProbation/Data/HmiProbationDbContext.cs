using Jtai.Inspectorate.Data;
using Microsoft.EntityFrameworkCore;

namespace Jtai.HmiProbation.Data;

/// <summary>HMI Probation's own database: nobody else reads it.</summary>
public sealed class HmiProbationDbContext(DbContextOptions<HmiProbationDbContext> options) : InspectorateDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Each feature folder configures its own tables (IEntityTypeConfiguration).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HmiProbationDbContext).Assembly);
    }
}
