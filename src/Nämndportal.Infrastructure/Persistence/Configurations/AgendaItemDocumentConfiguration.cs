using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Meetings;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class AgendaItemDocumentConfiguration : IEntityTypeConfiguration<AgendaItemDocument>
{
    public void Configure(EntityTypeBuilder<AgendaItemDocument> builder)
    {
        builder.ConfigureEntityBase();
        builder.Ignore(d => d.IsOfficerReport);
        builder.HasOne<CaseDocument>().WithMany().HasForeignKey(d => d.CaseDocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.AgendaItemId, d.Position });
    }
}
