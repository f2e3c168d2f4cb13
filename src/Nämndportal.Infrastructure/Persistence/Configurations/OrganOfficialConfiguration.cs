using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class OrganOfficialConfiguration : IEntityTypeConfiguration<OrganOfficial>
{
    public void Configure(EntityTypeBuilder<OrganOfficial> builder)
    {
        builder.ConfigureEntityBase();
        builder.Property(o => o.Function).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organ>().WithMany().HasForeignKey(o => o.OrganId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.UserId, o.OrganId, o.Function }).IsUnique();
    }
}
