namespace Nämndportal.Web.Components.Pages.Reader;

public enum ReaderStep
{
    PreviousItem,
    PreviousDocument,
    NextDocument,
    NextItem,
}
