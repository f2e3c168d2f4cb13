using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class NoticeRecipientConfiguration : IEntityTypeConfiguration<NoticeRecipient>
{
    public void Configure(EntityTypeBuilder<NoticeRecipient> builder)
    {
        builder.ConfigureEntityBase();
        builder.ConfigureVersion();
        builder.Property(r => r.Name).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Email).HasMaxLength(256);
        builder.Property(r => r.Capacity).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.LastError).HasMaxLength(500);
        builder.Ignore(r => r.NeedsSending);
        builder.HasOne<NoticeVersion>().WithMany().HasForeignKey(r => r.NoticeVersionId).OnDelete(DeleteBehavior.Cascade);
        // The guarantee behind "nobody gets two mails": one row per version and address, claimed before sending.
        // A change notice (a move, a cancellation) has its own rows with the same guarantee per notice.
        builder.HasOne<MeetingChangeNotice>().WithMany().HasForeignKey(r => r.ChangeNoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.NoticeVersionId, r.Email }).IsUnique().HasFilter("email IS NOT NULL AND change_notice_id IS NULL");
        builder.HasIndex(r => new { r.NoticeVersionId, r.PersonId }).IsUnique().HasFilter("person_id IS NOT NULL AND change_notice_id IS NULL");
        builder.HasIndex(r => new { r.ChangeNoticeId, r.Email }).IsUnique().HasFilter("email IS NOT NULL AND change_notice_id IS NOT NULL");
    }
}
