using FluentValidation;
using Mediator;

namespace Consultation.Web.Infrastructure.Pipeline;

/// <summary>Rejects a message that breaks its validator's rules before anything else runs (400, nothing written).</summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, ct);
            if (!result.IsValid)
            {
                throw new ValidationException(result.Errors);
            }
        }
        return await next(message, ct);
    }
}
