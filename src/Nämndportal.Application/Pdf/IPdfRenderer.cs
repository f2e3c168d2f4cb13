namespace Nämndportal.Application.Pdf;

/// <summary>
/// Prints a document model to PDF. Each model type has one template (a Razor component in Infrastructure);
/// use cases build the model and never see HTML.
/// </summary>
public interface IPdfRenderer
{
    Task<byte[]> RenderAsync<TModel>(TModel model, PdfLayout layout, CancellationToken cancellationToken = default)
        where TModel : class;
}
