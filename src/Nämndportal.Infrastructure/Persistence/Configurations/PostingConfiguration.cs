using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.NoticeBoard;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class PostingConfiguration : IEntityTypeConfiguration<Posting>
{
    public void Configure(EntityTypeBuilder<Posting> builder)
    {
        builder.ConfigureEntityBase();
        builder.Property(p => p.OrganName).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Title).HasMaxLength(300).IsRequired();
        builder.Property(p => p.Place).HasMaxLength(200);
        builder.Property(p => p.AgendaLines).IsRequired();
        builder.Property(p => p.PublishedBy).HasMaxLength(256).IsRequired();
        builder.Property(p => p.LateReason).HasMaxLength(1000);
        builder.Property(p => p.ReplacedBy).HasMaxLength(256);
        builder.Property(p => p.TakenDownBy).HasMaxLength(256);
        builder.Property(p => p.Sections).HasMaxLength(60);
        builder.Property(p => p.KeptAt).HasMaxLength(300);
        builder.Property(p => p.AppealInformation).HasMaxLength(2000);

        builder.HasOne<Organ>().WithMany().HasForeignKey(p => p.OrganId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Restrict);
        // The public file belongs to another feature; the key only keeps it from being deleted while a notice names it.
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(p => p.PublicFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.UpOn, p.DownOn });
        // One kallelse of a meeting on the board at a time: a re-issue replaces the earlier posting in the same transaction.
        builder.HasIndex(p => new { p.MeetingId, p.Kind })
            .IsUnique()
            .HasFilter("meeting_id IS NOT NULL AND replaced_at IS NULL AND taken_down_at IS NULL AND kind = 'Kallelse'");
        // One anslag per protokoll and § (the whole protokoll has no §; a § justerad at once has its own, rule 14).
        builder.HasIndex(p => new { p.MinutesId, p.Sections }).IsUnique().HasFilter("minutes_id IS NOT NULL");
    }
}
