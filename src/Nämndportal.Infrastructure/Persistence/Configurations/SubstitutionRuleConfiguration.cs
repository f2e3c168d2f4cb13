using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class SubstitutionRuleConfiguration : IEntityTypeConfiguration<SubstitutionRule>
{
    public void Configure(EntityTypeBuilder<SubstitutionRule> builder)
    {
        builder.ConfigureEntityBase();
        builder.HasOne<Organ>().WithMany().HasForeignKey(r => r.OrganId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Party>().WithMany().HasForeignKey(r => r.AbsentPartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(r => r.SubstitutePartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.OrganId, r.AbsentPartyId, r.Position }).IsUnique();
    }
}
