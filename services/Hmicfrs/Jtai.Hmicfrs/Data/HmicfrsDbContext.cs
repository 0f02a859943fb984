using Jtai.Inspectorate.Data;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Hmicfrs.Data;

/// <summary>Hmicfrs's own database: nobody else reads it.</summary>
public sealed class HmicfrsDbContext(DbContextOptions<HmicfrsDbContext> options) : InspectorateDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Each feature folder configures its own tables (IEntityTypeConfiguration).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HmicfrsDbContext).Assembly);
    }
}
