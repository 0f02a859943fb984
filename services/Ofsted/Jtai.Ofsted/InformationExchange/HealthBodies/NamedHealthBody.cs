using Jtai.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jtai.Ofsted.InformationExchange.HealthBodies;

/// <summary>
/// A health body CQC names for the inspection (¶105: "the specific health agencies that help each child will vary; CQC will
/// determine which agencies to request the information from"): the integrated care board, a named trust, another provider.
/// Each answers and uploads Annex A's health requests as itself, with a token whose <c>health_body</c> claim is its key.
/// </summary>
public sealed class NamedHealthBody
{
    public Guid InspectionId { get; set; }
    /// <summary>The body's key, as its partners' tokens carry it (e.g. its ODS code in lower case: "qhl", "rq3").</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset NamedAt { get; set; }
    public required string NamedBy { get; set; }
}

/// <summary>
/// A named body and what it has answered so far: the items it filed documents against (performance 4.x, its case records) and
/// for how many of the 30 children it answered (¶98): the request to each body, and each body's own progress on it.
/// </summary>
public sealed record NamedHealthBodyView(string Key, string Name, DateTimeOffset NamedAt, string NamedBy, IReadOnlyList<string> ItemsFiled, int ChildrenAnswered);

internal sealed class NamedHealthBodyConfiguration : IEntityTypeConfiguration<NamedHealthBody>
{
    public void Configure(EntityTypeBuilder<NamedHealthBody> e)
    {
        e.ToTable("named_health_bodies");
        e.HasKey(b => new { b.InspectionId, b.Key });
        e.Property(b => b.Key).HasMaxLength(HealthBodyKeys.MaxLength);
        e.Property(b => b.Name).HasMaxLength(200);
        e.Property(b => b.NamedBy).HasMaxLength(200);
    }
}
