namespace Consultation.Web.Infrastructure.Pipeline;

/// <summary>The pipeline every message goes through, in order (see DESIGN.md).</summary>
public static class MediatorSetup
{
    public static IServiceCollection AddConsultationMediator(this IServiceCollection services) =>
        services.AddMediator((Mediator.MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(ValidationBehaviour<,>),
                typeof(AuthorisationBehaviour<,>),
                typeof(TransactionBehaviour<,>),
            ];
        });
}
