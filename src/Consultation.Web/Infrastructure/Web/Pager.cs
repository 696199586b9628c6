namespace Consultation.Web.Infrastructure.Web;

/// <summary>The model of Features/Shared/_Pager.cshtml: where we are, and how to link to another page.</summary>
public sealed record Pager(int Page, int TotalPages, Func<int, string> Href);
