using Microsoft.EntityFrameworkCore.ChangeTracking;
using Nämndportal.Domain.Organisation;

namespace Nämndportal.Infrastructure.Persistence.AuditTrail;

/// <summary>
/// The records that decide who may read what: organs (with their reglemente), memberships, officials, terms, persons,
/// parties and the ersättartabell. Lines name the record and the fields changed, never their values.
/// </summary>
internal sealed class OrganisationAuditDescriber : IAuditDescriber
{
    public AuditLine? Describe(EntityEntry entry, AuditLookup lookup) => entry.Entity switch
    {
        Organ o => AuditDescription.Line(entry, nameof(Organ), o.Id, null, $"Organ {o.ShortName}"),
        Membership m => AuditDescription.Line(
            entry, nameof(Membership), m.Id, null,
            $"Uppdrag för {lookup.PersonName(m.PersonId)} i {lookup.OrganShortName(m.OrganId)} ({m.Role.SwedishName().ToLowerInvariant()})"),
        OrganOfficial o => AuditDescription.Line(
            entry, nameof(OrganOfficial), o.Id, null,
            $"Tjänsteman {lookup.UserName(o.UserId)} som {FunctionName(o.Function)} i {lookup.OrganShortName(o.OrganId)}"),
        Term t => AuditDescription.Line(entry, nameof(Term), t.Id, null, $"Mandatperiod {t.Name}"),
        Person p => AuditDescription.Line(entry, nameof(Person), p.Id, null, $"Person {p.FullName}"),
        Party p => AuditDescription.Line(entry, nameof(Party), p.Id, null, $"Parti {p.Abbreviation}"),
        SubstitutionRule r => AuditDescription.Line(
            entry, nameof(SubstitutionRule), r.Id, null,
            $"Ersättartabell i {lookup.OrganShortName(r.OrganId)}: {lookup.PartyAbbreviation(r.SubstitutePartyId)} på plats {r.Position} för {lookup.PartyAbbreviation(r.AbsentPartyId)}"),
        _ => null,
    };

    private static string FunctionName(OfficialFunction function) => function switch
    {
        OfficialFunction.Namndsekreterare => "nämndsekreterare",
        OfficialFunction.Forvaltningschef => "förvaltningschef",
        OfficialFunction.Handlaggare => "handläggare",
        _ => function.ToString(),
    };
}
