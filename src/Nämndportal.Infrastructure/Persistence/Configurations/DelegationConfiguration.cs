using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Delegation;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.NoticeBoard;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

/// <summary>
/// A delegationsordning version is one row with its points as JSON (they are read and changed only with the version);
/// a delegate (DelegateRole) is a value without identity, so it is a complex type wherever it appears.
/// </summary>
internal sealed class DelegationSchemeConfiguration : IEntityTypeConfiguration<DelegationScheme>
{
    public void Configure(EntityTypeBuilder<DelegationScheme> builder)
    {
        builder.ToTable("delegation_schemes");
        builder.ConfigureEntityBase();
        builder.ConfigureVersion();
        builder.Property(s => s.AdoptedBy).HasMaxLength(200).IsRequired();
        builder.ComplexCollection(s => s.Points, p =>
        {
            p.ToJson();
            p.Property(x => x.MatterKind).HasConversion<string>();
            p.ComplexCollection(x => x.Delegates, d => d.Property(x => x.Kind).HasConversion<string>());
            p.ComplexCollection(x => x.Substitutes, d => d.Property(x => x.Kind).HasConversion<string>());
        });
        builder.HasOne<Organ>().WithMany().HasForeignKey(s => s.OrganId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.OrganId, s.Number }).IsUnique();

        // One draft at a time per organ.
        builder.HasIndex(s => s.OrganId).IsUnique().HasFilter("established_at IS NULL").HasDatabaseName("ix_delegation_schemes_one_draft");
    }
}

internal sealed class PositionHolderConfiguration : IEntityTypeConfiguration<PositionHolder>
{
    public void Configure(EntityTypeBuilder<PositionHolder> builder)
    {
        builder.ToTable("position_holders");
        builder.ConfigureEntityBase();
        builder.Property(p => p.Title).HasMaxLength(120).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Ignore(p => p.Position);
        builder.HasOne<Organ>().WithMany().HasForeignKey(p => p.OrganId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.OrganId, p.Title });
        builder.HasIndex(p => p.UserId);
    }
}

internal sealed class OnwardDelegationConfiguration : IEntityTypeConfiguration<OnwardDelegation>
{
    public void Configure(EntityTypeBuilder<OnwardDelegation> builder)
    {
        builder.ToTable("onward_delegations");
        builder.ConfigureEntityBase();
        builder.Property(o => o.PointCode).HasMaxLength(20).IsRequired();
        builder.Property(o => o.ToTitle).HasMaxLength(120).IsRequired();
        builder.Property(o => o.GrantedBy).HasMaxLength(200).IsRequired();
        builder.HasOne<Organ>().WithMany().HasForeignKey(o => o.OrganId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.OrganId, o.PointCode });
    }
}

internal sealed class DelegatedDecisionConfiguration : IEntityTypeConfiguration<DelegatedDecision>
{
    public void Configure(EntityTypeBuilder<DelegatedDecision> builder)
    {
        builder.ToTable("delegated_decisions");
        builder.ConfigureEntityBase();
        builder.ConfigureVersion();
        builder.Property(d => d.PointCode).HasMaxLength(20);
        builder.Property(d => d.SeriesKey).HasMaxLength(200).IsRequired();
        builder.Property(d => d.DelegateName).HasMaxLength(200).IsRequired();
        builder.Property(d => d.CaseNumber).HasMaxLength(60);
        builder.Property(d => d.Description).HasMaxLength(500).IsRequired();
        builder.Property(d => d.Outcome).HasMaxLength(500);
        builder.Property(d => d.ReportedIn).HasMaxLength(300);
        builder.ComplexProperty(d => d.DecidedAs, c =>
        {
            c.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.Role).HasConversion<string>().HasMaxLength(30);
            c.Property(x => x.Title).HasMaxLength(120);
            c.Property(x => x.Name).HasMaxLength(200);
        });
        builder.Ignore(d => d.NumberText);
        builder.HasOne<Organ>().WithMany().HasForeignKey(d => d.OrganId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DelegationScheme>().WithMany().HasForeignKey(d => d.SchemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(d => d.ReportMeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(d => d.DocumentFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Posting>().WithMany().HasForeignKey(d => d.PostingId).OnDelete(DeleteBehavior.Restrict);

        // One number per delegate series and year (an utskott's: its §).
        builder.HasIndex(d => new { d.OrganId, d.SeriesKey, d.Year, d.Number }).IsUnique();
        builder.HasIndex(d => new { d.OrganId, d.ReportMeetingId, d.DecidedOn });
        builder.HasIndex(d => d.DelegateUserId);
    }
}

internal sealed class BoardMessageConfiguration : IEntityTypeConfiguration<BoardMessage>
{
    public void Configure(EntityTypeBuilder<BoardMessage> builder)
    {
        builder.ToTable("board_messages");
        builder.ConfigureEntityBase();
        builder.ConfigureVersion();
        builder.Property(m => m.Sender).HasMaxLength(200).IsRequired();
        builder.Property(m => m.CaseNumber).HasMaxLength(60);
        builder.Property(m => m.Reference).HasMaxLength(200);
        builder.Property(m => m.Description).HasMaxLength(500).IsRequired();
        builder.Property(m => m.ReportedIn).HasMaxLength(300);
        builder.HasOne<Organ>().WithMany().HasForeignKey(m => m.OrganId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(m => m.ReportMeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(m => m.DocumentFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.OrganId, m.ReportMeetingId, m.ReceivedOn });
    }
}
