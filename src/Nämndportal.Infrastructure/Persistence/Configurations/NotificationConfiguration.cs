using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Notifications;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ConfigureEntityBase();
        builder.Property(n => n.Key).HasMaxLength(100).IsRequired();
        builder.Property(n => n.Text).HasMaxLength(500).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(300).IsRequired();
        // One notis per user and event: a retried job adds none twice.
        builder.HasIndex(n => new { n.UserId, n.Key }).IsUnique();
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}
