namespace Consultation.Web.Features.Consultations;

public static class ConsultationsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var consultations = api.MapGroup("/consultations").WithTags("Consultations");
        ListConsultations.Map(consultations);
        CreateConsultation.Map(consultations);
        GetConsultation.Map(consultations);
        EditConsultation.Map(consultations);
        ChangeConsultationStatus.Map(consultations);
    }
}
