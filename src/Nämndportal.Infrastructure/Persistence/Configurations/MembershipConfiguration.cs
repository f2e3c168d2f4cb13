using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ConfigureEntityBase();
        builder.ConfigureVersion();
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organ>().WithMany().HasForeignKey(m => m.OrganId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Term>().WithMany().HasForeignKey(m => m.TermId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(m => m.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Membership>().WithMany().HasForeignKey(m => m.PersonalSubstituteFor).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Membership>().WithMany().HasForeignKey(m => m.Replaces).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.OrganId, m.PersonId });
        builder.HasIndex(m => m.PersonId);
    }
}
