using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Organisations;

/// <summary>The public profile, and the forms for whatever the viewer may do to the organisation.</summary>
public sealed class DetailsModel(ISender sender) : PageModel
{
    public GetOrganisation.Result Organisation { get; private set; } = null!;

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>English text (translated by the view) saying how the last action went.</summary>
    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public bool NoticeIsError { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostVerifyAsync(Guid id) =>
        ActAsync(id, new VerifyOrganisation.Command(id), result => result == VerifyOrganisation.Result.Verified
            ? ("The organisation is now verified.", false)
            : ("Only a pending organisation can be verified.", true));

    public Task<IActionResult> OnPostVouchAsync(Guid id, Guid voucherId) =>
        ActAsync(id, new VouchForOrganisation.Command(voucherId, id), result => result switch
        {
            VouchForOrganisation.Result.VouchedAndVerified => ("Thank you for vouching. With two vouches, the organisation is now verified.", false),
            VouchForOrganisation.Result.Vouched => ("Thank you for vouching. One more vouch from a verified organisation will verify it.", false),
            VouchForOrganisation.Result.AlreadyVouched => ("Your organisation has already vouched for this one.", true),
            _ => ("Only a pending organisation can be vouched for.", true),
        });

    public Task<IActionResult> OnPostSuspendAsync(Guid id) =>
        ActAsync(id, new SuspendOrganisation.Command(id, Reason), result => result == SuspendOrganisation.Result.Suspended
            ? ("The organisation is suspended.", false)
            : ("The organisation is already suspended.", true));

    public Task<IActionResult> OnPostReinstateAsync(Guid id) =>
        ActAsync(id, new ReinstateOrganisation.Command(id), result => result == ReinstateOrganisation.Result.Reinstated
            ? ("The suspension is lifted.", false)
            : ("The organisation is not suspended.", true));

    public Task<IActionResult> OnPostLeaveAsync(Guid id) =>
        ActAsync(id, new LeaveOrganisation.Command(id), Membership("You have left the organisation."));

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid userId) =>
        ActAsync(id, new RemoveMember.Command(id, userId), Membership("The member is removed."));

    public Task<IActionResult> OnPostChangeRoleAsync(Guid id, Guid userId, string? role) =>
        ActAsync(id, new ChangeMemberRole.Command(id, userId, role), Membership("The role is changed."));

    static Func<MembershipChange, (string, bool)> Membership(string done) => change => change switch
    {
        MembershipChange.Done => (done, false),
        MembershipChange.LastRepresentative => (MembershipResults.LastRepresentative, true),
        _ => ("This person is not a member of the organisation.", true),
    };

    async Task<IActionResult> ActAsync<T>(Guid id, ICommand<T> command, Func<T, (string Text, bool IsError)> notice)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        return await this.SendAsync(sender, command, result =>
        {
            (Notice, NoticeIsError) = notice(result);
            return RedirectToPage(new { id });
        });
    }

    async Task<bool> LoadAsync(Guid id)
    {
        Organisation = (await sender.Send(new GetOrganisation.Query(id), HttpContext.RequestAborted))!;
        return Organisation is not null;
    }
}
