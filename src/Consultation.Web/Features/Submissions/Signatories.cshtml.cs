using Consultation.Web.Infrastructure.Access;
using Consultation.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Consultation.Web.Features.Submissions;

/// <summary>A submission's signatories and endorsements, with the forms for whatever the viewer may do about them.</summary>
public sealed class SignatoriesModel(ISender sender) : PageModel
{
    public GetSigningOptions.Result Options { get; private set; } = null!;
    public IReadOnlyList<ListSignatories.Signatory> Signatories { get; private set; } = [];
    public IReadOnlyList<ListEndorsements.Endorsement> Endorsements { get; private set; } = [];

    /// <summary>English text (translated by the view) saying how the last action went.</summary>
    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public bool NoticeIsError { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostInviteAsync(Guid id, List<Guid> organisationIds) =>
        ActAsync(id, new InviteCoSigners.Command(id, organisationIds), result => result == InviteCoSigners.Result.Invited
            ? ("The invitations are sent.", false)
            : ("The submission is withdrawn.", true));

    public Task<IActionResult> OnPostRespondAsync(Guid id, Guid organisationId, bool? accept) =>
        ActAsync(id, new RespondToCoSigningInvitation.Command(id, organisationId, accept), result => result switch
        {
            RespondToCoSigningInvitation.Result.Answered or RespondToCoSigningInvitation.Result.AlreadyAnswered =>
                (accept == true ? "Your organisation has signed." : "You declined the invitation.", false),
            RespondToCoSigningInvitation.Result.AnsweredOtherwise => ("Your organisation has already answered otherwise.", true),
            _ => ("The submission is withdrawn.", true),
        });

    public Task<IActionResult> OnPostWithdrawSignatureAsync(Guid id, Guid organisationId) =>
        ActAsync(id, new WithdrawCoSignature.Command(id, organisationId), result => result switch
        {
            WithdrawCoSignature.Result.Withdrawn => ("Your organisation's signature is withdrawn.", false),
            WithdrawCoSignature.Result.IsLead => ("The lead organisation cannot withdraw its signature; withdraw the submission instead.", true),
            WithdrawCoSignature.Result.SubmissionWithdrawn => ("The submission is withdrawn.", true),
            _ => ("Your organisation has not signed this submission.", true),
        });

    public Task<IActionResult> OnPostEndorseAsync(Guid id, Guid organisationId) =>
        ActAsync(id, new EndorseSubmission.Command(id, organisationId), result => result switch
        {
            EndorseSubmission.Result.Endorsed or EndorseSubmission.Result.AlreadyEndorsed => ("Your organisation endorses this submission.", false),
            EndorseSubmission.Result.IsSignatory => ("A signatory cannot also endorse the submission.", true),
            _ => ("Only a submitted submission can be endorsed.", true),
        });

    public Task<IActionResult> OnPostWithdrawEndorsementAsync(Guid id, Guid organisationId) =>
        ActAsync(id, new WithdrawEndorsement.Command(id, organisationId), result => result == WithdrawEndorsement.Result.Withdrawn
            ? ("Your organisation's endorsement is withdrawn.", false)
            : ("Your organisation does not endorse this submission.", true));

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
        var ct = HttpContext.RequestAborted;
        try
        {
            Options = await sender.Send(new GetSigningOptions.Query(id), ct);
            Signatories = await sender.Send(new ListSignatories.Query(id), ct);
            Endorsements = await sender.Send(new ListEndorsements.Query(id), ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
