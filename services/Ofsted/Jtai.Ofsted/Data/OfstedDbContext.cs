using Jtai.Inspectorate.Data;
using Microsoft.EntityFrameworkCore;

namespace Jtai.Ofsted.Data;

/// <summary>Ofsted's own database: nobody else reads it.</summary>
public sealed class OfstedDbContext(DbContextOptions<OfstedDbContext> options) : InspectorateDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Each feature folder configures its own tables (IEntityTypeConfiguration).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OfstedDbContext).Assembly);
    }
}
