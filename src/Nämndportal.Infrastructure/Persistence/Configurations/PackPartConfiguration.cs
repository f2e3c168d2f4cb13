using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Files;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class PackPartConfiguration : IEntityTypeConfiguration<PackPart>
{
    public void Configure(EntityTypeBuilder<PackPart> builder)
    {
        builder.HasKey(p => p.Checksum);
        builder.Property(p => p.Checksum).HasMaxLength(64).IsFixedLength();
        builder.Property(p => p.Content).IsRequired();
        builder.HasIndex(p => p.CreatedAt);
    }
}
