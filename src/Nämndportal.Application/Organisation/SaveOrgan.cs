using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Nämndportal.Application.Common;
using Nämndportal.Application.Security;
using Nämndportal.Domain.Cases;
using Nämndportal.Domain.Common;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Application.Organisation;

/// <summary>Create (Id null) or edit an organ. Version is the one the form loaded, so a concurrent edit is refused.</summary>
public sealed record SaveOrgan
{
    public Guid? Id { get; init; }
    public uint Version { get; init; }
    public string Name { get; set; } = string.Empty;
    public string ShortName { get; set; } = string.Empty;
    public OrganKind Kind { get; set; } = OrganKind.Namnd;
    public Guid? ParentId { get; set; }
    public string CaseNumberPrefix { get; set; } = string.Empty;
    public string? ParagraphSeries { get; set; }
    public string? DefaultMeetingPlace { get; set; }
    public int NoticeDaysBeforeMeeting { get; set; } = OrganRules.Default.NoticeDaysBeforeMeeting;
    public int DaysToApprove { get; set; } = OrganRules.Default.DaysToApprove;
    public int NumberOfAdjusters { get; set; } = OrganRules.Default.NumberOfAdjusters;
    public bool PublicMeetingsAllowed { get; set; }
    public bool MembersNeedSecondFactor { get; set; }
    public int? NumberOfSeats { get; set; }

    /// <summary>The förvaltning that prepares the organ's cases, printed on its tjänsteskrivelser.</summary>
    public string? Administration { get; set; }

    /// <summary>The konsekvensbeskrivning headings its tjänsteskrivelser offer, in order.</summary>
    public List<string> ConsequenceHeadings { get; set; } = [.. Organ.DefaultConsequenceHeadings];

    /// <summary>How its diarienummer are written, with {prefix}, {year} and {number}.</summary>
    public string CaseNumberPattern { get; set; } = CaseNumberFormat.Default;

    /// <summary>Standardpunkter: the items every new meeting's agenda starts with, in order.</summary>
    public List<string> StandardAgendaItems { get; set; } = [.. Organ.DefaultStandardAgendaItems];

    public static SaveOrgan From(OrganDetails organ)
    {
        ArgumentNullException.ThrowIfNull(organ);
        return new SaveOrgan
        {
            Id = organ.Id, Version = organ.Version, Name = organ.Name, ShortName = organ.ShortName, Kind = organ.Kind,
            ParentId = organ.ParentId, CaseNumberPrefix = organ.CaseNumberPrefix, ParagraphSeries = organ.ParagraphSeries,
            DefaultMeetingPlace = organ.DefaultMeetingPlace, NoticeDaysBeforeMeeting = organ.Rules.NoticeDaysBeforeMeeting,
            DaysToApprove = organ.Rules.DaysToApprove, NumberOfAdjusters = organ.Rules.NumberOfAdjusters,
            PublicMeetingsAllowed = organ.Rules.PublicMeetingsAllowed, MembersNeedSecondFactor = organ.Rules.MembersNeedSecondFactor,
            NumberOfSeats = organ.Rules.NumberOfSeats, Administration = organ.Administration,
            ConsequenceHeadings = [.. organ.ConsequenceHeadings], CaseNumberPattern = organ.CaseNumberPattern,
            StandardAgendaItems = [.. organ.StandardAgendaItems],
        };
    }
}

public sealed class SaveOrganValidator : AbstractValidator<SaveOrgan>
{
    public SaveOrganValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Ange organets namn.").MaximumLength(200).WithMessage("Namnet får ha högst 200 tecken.");
        RuleFor(x => x.ShortName).NotEmpty().WithMessage("Ange en förkortning.").MaximumLength(40).WithMessage("Förkortningen får ha högst 40 tecken.");
        RuleFor(x => x.CaseNumberPrefix).NotEmpty().WithMessage("Ange diarieprefix, till exempel OMF eller KS.")
            .Matches("^[A-ZÅÄÖ]{1,10}$").WithMessage("Diarieprefixet ska vara 1–10 versaler, till exempel OMF.");
        RuleFor(x => x.ParentId).NotNull().When(x => x.Kind == OrganKind.Utskott).WithMessage("Ett utskott måste höra till ett överordnat organ.");
        RuleFor(x => x.ParentId).Null().When(x => x.Kind != OrganKind.Utskott).WithMessage("Bara ett utskott kan ha ett överordnat organ.");
        RuleFor(x => x.NoticeDaysBeforeMeeting).InclusiveBetween(0, 60).WithMessage("Kallelsen ska skickas 0–60 dagar före sammanträdet.");
        RuleFor(x => x.DaysToApprove).InclusiveBetween(1, OrganRules.MaxDaysToApprove).WithMessage("Protokollet ska justeras inom 1–14 dagar (kommunallagen 5 kap. 69 §).");
        RuleFor(x => x.NumberOfAdjusters).InclusiveBetween(1, 5).WithMessage("Antal justerare ska vara 1–5.");
        RuleFor(x => x.NumberOfSeats).InclusiveBetween(1, 151).When(x => x.NumberOfSeats is not null).WithMessage("Antal ledamotsplatser ska vara 1–151.");
        RuleFor(x => x.Administration).MaximumLength(200).WithMessage("Förvaltningens namn får ha högst 200 tecken.");
        RuleFor(x => x.ConsequenceHeadings).Must(h => h.Count(t => !string.IsNullOrWhiteSpace(t)) <= 20)
            .WithMessage("Ange högst 20 rubriker för konsekvensbeskrivningar.");
        RuleForEach(x => x.ConsequenceHeadings).MaximumLength(80)
            .WithMessage((_, heading) => $"Rubriken ”{heading}” är för lång: en rubrik för konsekvensbeskrivning får ha högst 80 tecken.");
        RuleFor(x => x.StandardAgendaItems).Must(h => h.Count(t => !string.IsNullOrWhiteSpace(t)) <= 30)
            .WithMessage("Ange högst 30 standardpunkter.");
        RuleForEach(x => x.StandardAgendaItems).MaximumLength(300)
            .WithMessage((_, title) => $"Standardpunkten ”{title}” är för lång: en standardpunkt får ha högst 300 tecken.");
        RuleFor(x => x.CaseNumberPattern).MaximumLength(60).WithMessage("Mönstret för diarienummer får ha högst 60 tecken.")
            .Custom((pattern, context) =>
            {
                try
                {
                    CaseNumberFormat.Parse(pattern);
                }
                catch (DomainException ex)
                {
                    context.AddFailure(nameof(SaveOrgan.CaseNumberPattern), ex.Message);
                }
            });
    }
}

public sealed class SaveOrganHandler(IAppDbContextFactory dbFactory, AccessService access, IValidator<SaveOrgan> validator)
{
    public async Task<Result<Guid>> HandleAsync(SaveOrgan request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var allowed = request.Id is { } id
            ? await access.CanAsync(Operation.ManageOrgan, id, null, cancellationToken)
            : await access.CanAsync(Operation.ManageRegister, null, null, cancellationToken);
        if (!allowed)
        {
            return Error.Forbidden();
        }

        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Error.Validation(validation);
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        if (await db.Organs.AnyAsync(o => o.Id != request.Id && (o.Name == request.Name.Trim() || o.ShortName == request.ShortName.Trim()), cancellationToken))
        {
            return Error.Invalid("Det finns redan ett organ med det namnet eller den förkortningen.");
        }

        try
        {
            var rules = new OrganRules(request.NoticeDaysBeforeMeeting, request.DaysToApprove, request.NumberOfAdjusters, request.PublicMeetingsAllowed, request.MembersNeedSecondFactor, request.NumberOfSeats);
            Organ organ;
            if (request.Id is { } organId)
            {
                organ = await db.Organs.SingleOrDefaultAsync(o => o.Id == organId, cancellationToken) ?? throw new DomainException("Organet finns inte längre.");
                db.SetOriginalVersion(organ, request.Version);
                organ.Update(request.Name, request.ShortName, request.Kind, request.CaseNumberPrefix, request.ParentId, request.ParagraphSeries, request.DefaultMeetingPlace, rules);
            }
            else
            {
                organ = new Organ(request.Name, request.ShortName, request.Kind, request.CaseNumberPrefix, request.ParentId);
                organ.Update(request.Name, request.ShortName, request.Kind, request.CaseNumberPrefix, request.ParentId, request.ParagraphSeries, request.DefaultMeetingPlace, rules);
                db.Organs.Add(organ);
            }

            organ.SetReportSettings(request.Administration, request.ConsequenceHeadings);
            organ.SetCaseNumberPattern(request.CaseNumberPattern);
            organ.SetStandardAgendaItems(request.StandardAgendaItems);

            return await db.SaveOrConflictAsync(organ, organ.Id, cancellationToken);
        }
        catch (DomainException ex)
        {
            return Error.Invalid(ex.Message);
        }
    }
}
