namespace Consultation.Web.Infrastructure.Web;

/// <summary>One page of a longer list, with what a pager needs to link to the others.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total)
{
    public int TotalPages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}
