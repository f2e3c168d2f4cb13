using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Meetings;
using Nämndportal.Domain.Organisation;
using Nämndportal.Infrastructure.Identity;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ConfigureEntityBase();
        builder.Property(f => f.TokenHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasIndex(f => f.OwnerUserId);
        builder.Ignore(f => f.Scope);
        builder.Ignore(f => f.IsRevoked);
        // A deleted login takes its feeds with it; an organ with feeds is never deleted (organs are ended, not removed).
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organ>().WithMany().HasForeignKey(f => f.OrganId).OnDelete(DeleteBehavior.Restrict);
    }
}
