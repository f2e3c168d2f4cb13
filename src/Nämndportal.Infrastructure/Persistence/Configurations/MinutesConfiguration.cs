using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Minutes;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

/// <summary>
/// A protokoll is one row (table meeting_minutes) with its roll call, changes, adjournments, presentations and signatures
/// as JSON: they are read and written only as part of the protokoll. The §§ are rows of their own (minutes_sections),
/// addressed one by one by the public version, with their yrkanden, votes and reservations as JSON.
/// </summary>
internal sealed class MeetingMinutesConfiguration : IEntityTypeConfiguration<MeetingMinutes>
{
    public void Configure(EntityTypeBuilder<MeetingMinutes> builder)
    {
        builder.ToTable("meeting_minutes");
        builder.ConfigureEntityBase();
        builder.ConfigureVersion();
        builder.Property(m => m.OrganName).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Place).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.SecretaryName).HasMaxLength(200);
        builder.Property(m => m.KeptAt).HasMaxLength(300);
        builder.Property(m => m.ApprovalSha256).HasMaxLength(64);
        builder.Property(m => m.Adjusters).IsRequired();
        builder.OwnsMany(m => m.Attendees, a =>
        {
            a.ToJson();
            a.Property(x => x.Kind).HasConversion<string>();
        });
        builder.OwnsMany(m => m.Changes, c =>
        {
            c.ToJson();
            c.Property(x => x.Kind).HasConversion<string>();
        });
        builder.OwnsMany(m => m.Adjournments, a => a.ToJson());
        builder.OwnsMany(m => m.Presentations, p => p.ToJson());
        builder.OwnsMany(m => m.Approvals, a =>
        {
            a.ToJson();
            a.Property(x => x.Role).HasConversion<string>();
        });
        builder.OwnsMany(m => m.Corrections, c => c.ToJson());
        builder.Ignore(m => m.Sections);
        builder.Ignore(m => m.FirstNumber);
        builder.Ignore(m => m.LastNumber);
        builder.Ignore(m => m.Deadline);
        builder.Ignore(m => m.Signers);
        builder.Ignore(m => m.MinutesApprovals);
        builder.HasOne<Meeting>().WithOne().HasForeignKey<MeetingMinutes>(m => m.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organ>().WithMany().HasForeignKey(m => m.OrganId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.MeetingId).IsUnique();
        builder.HasIndex(m => new { m.OrganId, m.Status });
        builder.HasMany<MinutesSection>("_sections").WithOne().HasForeignKey(s => s.MinutesId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MinutesSectionConfiguration : IEntityTypeConfiguration<MinutesSection>
{
    public void Configure(EntityTypeBuilder<MinutesSection> builder)
    {
        builder.ToTable("minutes_sections");
        builder.ConfigureEntityBase();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Appeal).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Title).HasMaxLength(300).IsRequired();
        builder.Property(s => s.CaseNumber).HasMaxLength(60);
        builder.Property(s => s.Presenter).HasMaxLength(200);
        builder.Property(s => s.SecrecyProvision).HasMaxLength(200);
        builder.Property(s => s.Decisions).IsRequired();
        builder.Property(s => s.DecisionBasis).IsRequired();
        builder.Property(s => s.SendTo).IsRequired();
        builder.OwnsMany(s => s.Proposals, p =>
        {
            p.ToJson();
            p.Property(x => x.Kind).HasConversion<string>();
        });
        builder.OwnsMany(s => s.Votes, v =>
        {
            v.ToJson();
            v.Property(x => x.Winner).HasConversion<string>();
            v.Property(x => x.DecidedBy).HasConversion<string>();
            v.OwnsMany(x => x.Ballots, b => b.Property(y => y.Ballot).HasConversion<string>());
        });
        builder.OwnsMany(s => s.Reservations, r => r.ToJson());
        builder.OwnsMany(s => s.Notes, n => n.ToJson());
        builder.OwnsMany(s => s.Disqualifications, d => d.ToJson());
        builder.OwnsMany(s => s.Dispatches, d =>
        {
            d.ToJson();
            d.Property(x => x.Method).HasConversion<string>();
            d.Ignore(x => x.Succeeded);
        });
        builder.Ignore(s => s.IsDispatched);
        builder.Ignore(s => s.IsLocked);
        builder.Ignore(s => s.StandingProposals);
        builder.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.MinutesId, s.Number }).IsUnique();
        builder.HasIndex(s => s.CaseId);
    }
}
