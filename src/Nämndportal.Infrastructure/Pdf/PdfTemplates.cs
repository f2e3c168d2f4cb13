using Nämndportal.Application.Cases;
using Nämndportal.Infrastructure.Pdf.Templates;

namespace Nämndportal.Infrastructure.Pdf;

/// <summary>Which Razor component prints which document model. A new printed document adds one line here.</summary>
internal static class PdfTemplates
{
    private static readonly Dictionary<Type, Type> ByModel = new()
    {
        [typeof(OfficerReportDocumentModel)] = typeof(OfficerReportDocument),
        [typeof(Application.Meetings.NoticeDocumentModel)] = typeof(NoticeDocument),
        [typeof(Application.Reader.MyNotesDocumentModel)] = typeof(MyNotesDocument),
        [typeof(Application.Minutes.MinutesDocumentModel)] = typeof(MinutesDocument),
        [typeof(Application.Minutes.CorrectionDocumentModel)] = typeof(CorrectionDocument),
        [typeof(Application.Delegation.RegisterReportDocumentModel)] = typeof(RegisterReportDocument),
        [typeof(Application.Audit.DecisionListDocumentModel)] = typeof(DecisionListDocument),
    };

    public static Type For(Type modelType) =>
        ByModel.TryGetValue(modelType, out var component)
            ? component
            : throw new InvalidOperationException($"No PDF template is registered for {modelType.Name}.");
}
