using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ConfigureEntityBase();
        builder.ConfigureVersion();
        builder.Property(p => p.FirstName).HasMaxLength(100).IsRequired();
        builder.Property(p => p.LastName).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.Phone).HasMaxLength(40);
        builder.HasOne<Party>().WithMany().HasForeignKey(p => p.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.LastName, p.FirstName });
        builder.Ignore(p => p.FullName);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => p.UserId).IsUnique();
    }
}
