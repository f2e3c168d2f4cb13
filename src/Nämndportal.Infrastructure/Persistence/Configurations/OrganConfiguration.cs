using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class OrganConfiguration : IEntityTypeConfiguration<Organ>
{
    public void Configure(EntityTypeBuilder<Organ> builder)
    {
        builder.ConfigureEntityBase();
        builder.ConfigureVersion();
        builder.Property(o => o.Name).HasMaxLength(200).IsRequired();
        builder.Property(o => o.ShortName).HasMaxLength(40).IsRequired();
        builder.Property(o => o.CaseNumberPrefix).HasMaxLength(20).IsRequired();
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.DefaultMeetingPlace).HasMaxLength(200);
        builder.Property(o => o.ParagraphSeries).HasMaxLength(40).IsRequired();
        builder.Property(o => o.CaseNumberPattern).HasMaxLength(60).IsRequired().HasDefaultValue(Domain.Cases.CaseNumberFormat.Default);
        builder.Property(o => o.Administration).HasMaxLength(200);
        builder.Property(o => o.ConsequenceHeadings).IsRequired();
        builder.Property(o => o.StandardAgendaItems).IsRequired()
            .HasDefaultValueSql("ARRAY['Val av justerare','Anmälan av extra ärenden','Redovisning av delegationsbeslut','Redovisning av meddelanden']::text[]");
        builder.ComplexProperty(o => o.Rules, rules =>
        {
            rules.Property(r => r.NoticeDaysBeforeMeeting).HasColumnName("notice_days_before_meeting");
            rules.Property(r => r.DaysToApprove).HasColumnName("days_to_approve");
            rules.Property(r => r.NumberOfAdjusters).HasColumnName("number_of_adjusters");
            rules.Property(r => r.PublicMeetingsAllowed).HasColumnName("public_meetings_allowed");
            rules.Property(r => r.MembersNeedSecondFactor).HasColumnName("members_need_second_factor");
            rules.Property(r => r.NumberOfSeats).HasColumnName("number_of_seats");
        });
        builder.HasOne<Organ>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.Name).IsUnique();
        builder.HasIndex(o => o.ShortName).IsUnique();
    }
}
