using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class OrganConfiguration : IEntityTypeConfiguration<Organ>
{
    public void Configure(EntityTypeBuilder<Organ> builder)
    {
        builder.ConfigureEntityBase();
        builder.ConfigureVersion();
        builder.Property(o => o.Name).HasMaxLength(200).IsRequired();
        builder.Property(o => o.ShortName).HasMaxLength(40).IsRequired();
        builder.Property(o => o.CaseNumberPrefix).HasMaxLength(20).IsRequired();
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.DefaultMeetingPlace).HasMaxLength(200);
        builder.HasOne<Organ>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.Name).IsUnique();
    }
}
