using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.AuditTrail;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Actor).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.CaseId, e.At });
    }
}

internal sealed class CaseLinkConfiguration : IEntityTypeConfiguration<CaseLink>
{
    public void Configure(EntityTypeBuilder<CaseLink> builder)
    {
        builder.ConfigureEntityBase();
        builder.Property(l => l.Note).HasMaxLength(300);
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.FirstCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.SecondCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.FirstCaseId, l.SecondCaseId }).IsUnique();
        builder.HasIndex(l => l.SecondCaseId);
    }
}

internal sealed class OfficerReportConfiguration : IEntityTypeConfiguration<OfficerReport>
{
    public void Configure(EntityTypeBuilder<OfficerReport> builder)
    {
        builder.ConfigureEntityBase();
        builder.ConfigureVersion();
        builder.Property(r => r.Proposals).IsRequired();
        builder.Property(r => r.DecisionBasis).IsRequired();
        builder.Property(r => r.DispatchTo).IsRequired();
        builder.OwnsMany(r => r.Consequences, c => c.ToJson());
        builder.Property(r => r.Administration).HasMaxLength(200);
        builder.Property(r => r.OfficerName).HasMaxLength(200);
        builder.Property(r => r.OfficerTitle).HasMaxLength(200);
        builder.Property(r => r.OfficerEmail).HasMaxLength(256);
        builder.Property(r => r.OfficerPhone).HasMaxLength(40);
        builder.Property(r => r.SearchText).IsRequired();
        builder.HasOne<Case>().WithOne().HasForeignKey<OfficerReport>(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.CaseId).IsUnique();
        // search_vector (Swedish full text over search_text) and its GIN index are added in the migration's SQL.
    }
}

internal sealed class AuditTrailEntryConfiguration : IEntityTypeConfiguration<AuditTrailEntry>
{
    public void Configure(EntityTypeBuilder<AuditTrailEntry> builder)
    {
        builder.ToTable("audit_trail");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.RemoteAddress).HasMaxLength(64);
        builder.Property(e => e.Action).HasMaxLength(60).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(60).IsRequired();
        builder.Property(e => e.Summary).HasMaxLength(1000).IsRequired();
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.CaseId);
        builder.HasIndex(e => e.UserId);
        // Append-only: a trigger added in the migration's SQL refuses UPDATE and DELETE.
    }
}
