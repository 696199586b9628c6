using Consultation.Web.Infrastructure.Database;
using Mediator;

namespace Consultation.Web.Infrastructure.Pipeline;

/// <summary>
/// Runs a command in one database transaction and publishes the notifications it queued only after commit, so that
/// no screen is ever told about a change that was rolled back.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(Db db, IPublisher publisher)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        db.BeginCommand();
        TResponse response;
        try
        {
            response = await next(message, ct);
        }
        catch
        {
            await db.RollbackAsync();
            throw;
        }
        // Once committed the change stands: the caller must not be told it failed because the client went away.
        foreach (var notification in await db.CommitAsync(CancellationToken.None))
        {
            await publisher.Publish(notification, CancellationToken.None);
        }
        return response;
    }
}
