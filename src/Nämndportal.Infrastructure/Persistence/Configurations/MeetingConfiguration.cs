using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ConfigureEntityBase();
        builder.ConfigureVersion();
        builder.Property(m => m.Place).HasMaxLength(200).IsRequired();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.GroupMeetings).HasMaxLength(2000);
        builder.Property(m => m.NoticeNotes).HasMaxLength(4000);
        builder.Property(m => m.CancellationReason).HasMaxLength(500);
        builder.Ignore(m => m.LocalDate);
        builder.Ignore(m => m.IsOpenForPlanning);
        builder.HasOne<Organ>().WithMany().HasForeignKey(m => m.OrganId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.OrganId, m.StartsAt });
        builder.HasMany<AgendaItem>("_items").WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(m => m.Items);
    }
}
