using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Cases;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> builder)
    {
        builder.ConfigureEntityBase();
        builder.ConfigureVersion();
        builder.Property(d => d.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Counterpart).HasMaxLength(300);
        builder.Property(d => d.Description).HasMaxLength(1000).IsRequired();
        builder.Property(d => d.SecrecyProvision).HasMaxLength(120);
        builder.Property(d => d.SecrecyMarkedByName).HasMaxLength(200);
        builder.Ignore(d => d.IsSecret);
        builder.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.CaseId, d.Ordinal }).IsUnique();
        // A full-text column over description and counterpart (search_vector) and a trigram index on the
        // counterpart are added in the migration's SQL; EF does not map them.
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> builder)
    {
        builder.ConfigureEntityBase();
        builder.Property(v => v.FileName).HasMaxLength(255).IsRequired();
        builder.Property(v => v.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(v => v.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(v => v.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(v => v.RenditionStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.RenditionSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(v => v.RenditionError).HasMaxLength(1000);
        builder.Ignore(v => v.ReadablePdfSha256);
        builder.HasOne<CaseDocument>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Files.FileBlob>().WithMany().HasForeignKey(v => v.Sha256).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        builder.HasIndex(v => new { v.CaseId, v.Sha256 });
    }
}

internal sealed class DocumentTextConfiguration : IEntityTypeConfiguration<DocumentText>
{
    public void Configure(EntityTypeBuilder<DocumentText> builder)
    {
        builder.ToTable("document_texts");
        builder.HasKey(t => t.VersionId);
        builder.Property(t => t.Text).IsRequired();
        builder.HasOne<DocumentVersion>().WithOne().HasForeignKey<DocumentText>(t => t.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.DocumentId);
        builder.HasIndex(t => t.CaseId);
        // search_vector (Swedish full text over text) and its GIN index are added in the migration's SQL.
    }
}

internal sealed class FileBlobConfiguration : IEntityTypeConfiguration<Domain.Files.FileBlob>
{
    public void Configure(EntityTypeBuilder<Domain.Files.FileBlob> builder)
    {
        builder.ToTable("file_blobs");
        builder.HasKey(b => b.Sha256);
        builder.Property(b => b.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(b => b.Content).IsRequired();
        builder.Property(b => b.CreatedAt).HasDefaultValueSql("now()");
    }
}
