using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Jobs;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class BackgroundTaskConfiguration : IEntityTypeConfiguration<BackgroundTask>
{
    public void Configure(EntityTypeBuilder<BackgroundTask> builder)
    {
        builder.ConfigureEntityBase();
        builder.Property(t => t.Kind).HasMaxLength(50).IsRequired();
        builder.Property(t => t.Title).HasMaxLength(200).IsRequired();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.ProgressText).HasMaxLength(200);
        builder.Property(t => t.ErrorMessage).HasMaxLength(500);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(t => t.ResultFileId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(t => t.RequestedByUserId);
    }
}
