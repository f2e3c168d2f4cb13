using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nämndportal.Domain.Audit;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Files;
using Nämndportal.Domain.Minutes;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Infrastructure.Persistence.Configurations;

internal sealed class AuditReportConfiguration : IEntityTypeConfiguration<AuditReport>
{
    public void Configure(EntityTypeBuilder<AuditReport> builder)
    {
        builder.ToTable("audit_reports");
        builder.ConfigureEntityBase();
        builder.ConfigureVersion();
        builder.Property(r => r.Title).HasMaxLength(300).IsRequired();
        builder.Property(r => r.AuditorFirm).HasMaxLength(200).IsRequired();
        builder.Property(r => r.OnBehalfOf).HasMaxLength(200).IsRequired();
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(r => r.ReportFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(r => r.CoverLetterFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.OrganIds).HasMethod("gin");
    }
}

internal sealed class AuditRecommendationConfiguration : IEntityTypeConfiguration<AuditRecommendation>
{
    public void Configure(EntityTypeBuilder<AuditRecommendation> builder)
    {
        builder.ToTable("audit_recommendations");
        builder.ConfigureEntityBase();
        builder.Property(r => r.Text).HasMaxLength(2000).IsRequired();
        builder.HasOne<AuditReport>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ReportId, r.Number }).IsUnique();
    }
}

internal sealed class AuditAnswerConfiguration : IEntityTypeConfiguration<AuditAnswer>
{
    public void Configure(EntityTypeBuilder<AuditAnswer> builder)
    {
        builder.ToTable("audit_answers");
        builder.ConfigureEntityBase();
        builder.ConfigureVersion();
        builder.Property(a => a.DecidedIn).HasMaxLength(200);
        builder.ComplexCollection(a => a.Positions, p => p.ToJson()); // lengths are the domain's (JSON has none)
        builder.HasOne<AuditReport>().WithMany().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organ>().WithMany().HasForeignKey(a => a.OrganId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MinutesSection>().WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);

        // One answer per addressed organ.
        builder.HasIndex(a => new { a.ReportId, a.OrganId }).IsUnique();
        builder.HasIndex(a => a.CaseId).IsUnique();
    }
}

internal sealed class FollowUpActionConfiguration : IEntityTypeConfiguration<FollowUpAction>
{
    public void Configure(EntityTypeBuilder<FollowUpAction> builder)
    {
        builder.ToTable("follow_up_actions");
        builder.ConfigureEntityBase();
        builder.ConfigureVersion();
        builder.Property(a => a.Description).HasMaxLength(2000).IsRequired();
        FollowUpItems.Configure(builder);
        builder.HasOne<AuditAnswer>().WithMany().HasForeignKey(a => a.AnswerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AuditRecommendation>().WithMany().HasForeignKey(a => a.RecommendationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.AnswerId, a.RecommendationId });
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.ToTable("assignments");
        builder.ConfigureEntityBase();
        builder.ConfigureVersion();
        builder.Property(a => a.Reference).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Task).HasMaxLength(2000).IsRequired();
        builder.Property(a => a.Comment).HasMaxLength(2000);
        FollowUpItems.Configure(builder);
        builder.HasOne<Organ>().WithMany().HasForeignKey(a => a.OrganId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MinutesSection>().WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.OrganId, a.DueOn });
        builder.HasIndex(a => a.SectionId);
    }
}

internal sealed class DueDateReminderConfiguration : IEntityTypeConfiguration<DueDateReminder>
{
    public void Configure(EntityTypeBuilder<DueDateReminder> builder)
    {
        builder.ToTable("due_date_reminders");
        builder.ConfigureEntityBase();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);

        // Sent once per item, due date and kind: the row is the proof, taken before the mail goes.
        builder.HasIndex(r => new { r.ItemId, r.DueOn, r.Kind }).IsUnique();
    }
}

internal sealed class AuditorScopeConfiguration : IEntityTypeConfiguration<AuditorScope>
{
    public void Configure(EntityTypeBuilder<AuditorScope> builder)
    {
        builder.ToTable("auditor_scopes");
        builder.ConfigureEntityBase();
        builder.HasOne<Organ>().WithMany().HasForeignKey(a => a.OrganId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.UserId, a.OrganId }).IsUnique();
    }
}

internal sealed class InternalControlPlanConfiguration : IEntityTypeConfiguration<InternalControlPlan>
{
    public void Configure(EntityTypeBuilder<InternalControlPlan> builder)
    {
        builder.ToTable("internal_control_plans");
        builder.ConfigureEntityBase();
        builder.ConfigureVersion();
        builder.ComplexCollection(p => p.Points, p => p.ToJson()); // lengths are the domain's (JSON has none)
        builder.HasOne<Organ>().WithMany().HasForeignKey(p => p.OrganId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(p => p.ReportCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.OrganId, p.Year }).IsUnique();
    }
}

/// <summary>What an action and an assignment map alike: the responsible person, status and the notes as JSON.</summary>
internal static class FollowUpItems
{
    public static void Configure<T>(EntityTypeBuilder<T> builder)
        where T : FollowUpItem
    {
        builder.Property(i => i.Responsible).HasMaxLength(200).IsRequired();
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.ComplexCollection(i => i.Notes, n => n.ToJson()); // lengths are the domain's (JSON has none)
        builder.HasIndex(i => i.ResponsibleUserId);
    }
}
