using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class MeetingChangeNoticeConfiguration : IEntityTypeConfiguration<MeetingChangeNotice>
{
    public void Configure(EntityTypeBuilder<MeetingChangeNotice> builder)
    {
        builder.ConfigureEntityBase();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Text).HasMaxLength(1200).IsRequired();
        builder.Property(c => c.SentByName).HasMaxLength(200).IsRequired();
        builder.HasOne<Meeting>().WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<NoticeVersion>().WithMany().HasForeignKey(c => c.NoticeVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.MeetingId);
    }
}
