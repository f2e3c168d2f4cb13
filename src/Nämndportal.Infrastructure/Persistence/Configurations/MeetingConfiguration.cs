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
        builder.Ignore(m => m.LocalDate);
        builder.HasOne<Organ>().WithMany().HasForeignKey(m => m.OrganId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.OrganId, m.StartsAt });
    }
}
