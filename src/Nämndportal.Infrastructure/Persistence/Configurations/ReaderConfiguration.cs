using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Reader;
using Nämndportal.Infrastructure.Identity;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class MemberNoteConfiguration : IEntityTypeConfiguration<MemberNote>
{
    public void Configure(EntityTypeBuilder<MemberNote> builder)
    {
        builder.ConfigureEntityBase();
        builder.ConfigureVersion();
        builder.Property(n => n.Text).HasMaxLength(MemberNote.MaxTextLength).IsRequired();
        builder.Property(n => n.Quote).HasMaxLength(MemberNote.MaxQuoteLength);
        builder.Property(n => n.QuoteBefore).HasMaxLength(MemberNote.MaxContextLength);
        builder.Property(n => n.QuoteAfter).HasMaxLength(MemberNote.MaxContextLength);
        builder.Property(n => n.AnchorState).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(n => n.IsOnPage);
        // A deleted login takes its notes with it. The agenda item has no key here: a note outlives an item taken off the
        // agenda (the author still lists it), and the item's removal is not held up by members' notes.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.AuthorUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(n => n.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseDocument>().WithMany().HasForeignKey(n => n.CaseDocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DocumentVersion>().WithMany().HasForeignKey(n => n.DocumentVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.AuthorUserId, n.MeetingId });
        builder.HasIndex(n => n.MeetingId);
        builder.HasIndex(n => n.CaseDocumentId);
    }
}

internal sealed class NoteShareConfiguration : IEntityTypeConfiguration<NoteShare>
{
    public void Configure(EntityTypeBuilder<NoteShare> builder)
    {
        builder.ConfigureEntityBase();
        builder.HasOne<MemberNote>().WithMany().HasForeignKey(s => s.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.SharedWithUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.NoteId, s.SharedWithUserId }).IsUnique();
        builder.HasIndex(s => s.SharedWithUserId);
    }
}

internal sealed class DocumentReadMarkConfiguration : IEntityTypeConfiguration<DocumentReadMark>
{
    public void Configure(EntityTypeBuilder<DocumentReadMark> builder)
    {
        builder.ConfigureEntityBase();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CaseDocument>().WithMany().HasForeignKey(r => r.CaseDocumentId).OnDelete(DeleteBehavior.Restrict);
        // One mark per user and handling, holding the newest version read.
        builder.HasIndex(r => new { r.UserId, r.CaseDocumentId }).IsUnique();
    }
}
