using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ConfigureEntityBase();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Report).HasConversion<string>().HasMaxLength(30).HasDefaultValue(Domain.Meetings.AgendaReport.None).HasSentinel(Domain.Meetings.AgendaReport.None);
        builder.Property(i => i.Title).HasMaxLength(300).IsRequired();
        builder.Property(i => i.PublicTitle).HasMaxLength(300);
        builder.Property(i => i.CaseNumber).HasMaxLength(60);
        builder.Property(i => i.Presenter).HasMaxLength(200);
        builder.Ignore(i => i.EffectivePublicTitle);
        builder.HasOne<Case>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.MeetingId, i.Position });
        builder.HasIndex(i => i.CaseId);
        builder.HasMany<AgendaItemDocument>("_documents").WithOne().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(i => i.Documents);
    }
}
