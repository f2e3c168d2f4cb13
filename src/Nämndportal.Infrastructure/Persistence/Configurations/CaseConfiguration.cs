using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ConfigureEntityBase();
        builder.ConfigureVersion();
        builder.Property(c => c.Prefix).HasMaxLength(20).IsRequired();
        builder.Property(c => c.Number).HasMaxLength(60).IsRequired();
        builder.Property(c => c.Title).HasMaxLength(500).IsRequired();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Organ>().WithMany().HasForeignKey(c => c.OrganId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.CaseOfficerUserId).OnDelete(DeleteBehavior.SetNull);
        // The database itself refuses a duplicate: never two cases with the same prefix, year and number.
        builder.HasIndex(c => new { c.Prefix, c.Year, c.Sequence }).IsUnique();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => new { c.OrganId, c.Status });
    }
}
