using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class NoticeVersionConfiguration : IEntityTypeConfiguration<NoticeVersion>
{
    public void Configure(EntityTypeBuilder<NoticeVersion> builder)
    {
        builder.ConfigureEntityBase();
        builder.Property(v => v.ChangeNote).HasMaxLength(1000);
        builder.Property(v => v.SentByName).HasMaxLength(200).IsRequired();
        builder.Property(v => v.ConfirmedWarnings).HasMaxLength(8000);
        builder.Property(v => v.BoardRefusal).HasMaxLength(1000);
        builder.HasOne<Domain.Jobs.BackgroundTask>().WithMany().HasForeignKey(v => v.SendTaskId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(v => v.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(v => v.MembersPackFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(v => v.RedactedPackFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(v => v.PublicPackFileId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(v => v.HasPacks);
        // One version number per meeting: two secretaries sending at once cannot both make version 2.
        builder.HasIndex(v => new { v.MeetingId, v.Number }).IsUnique();
    }
}
