using Consultation.Web.Features.Accounts;
using Consultation.Web.Features.ApiClients;
using Consultation.Web.Features.Audit;
using Consultation.Web.Features.Comments;
using Consultation.Web.Features.Connect;
using Consultation.Web.Features.Consultations;
using Consultation.Web.Features.Moderation;
using Consultation.Web.Features.Networks;
using Consultation.Web.Features.Organisations;
using Consultation.Web.Features.Reference;
using Consultation.Web.Features.Reports;
using Consultation.Web.Features.Submissions;

namespace Consultation.Web.Features;

/// <summary>The JSON API under /api: each area lists its own use cases in its *Endpoints.cs.</summary>
public static class FeatureEndpoints
{
    public static IEndpointRouteBuilder MapFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        ReferenceEndpoints.Map(api);
        NetworksEndpoints.Map(api);
        AuditEndpoints.Map(api);
        AccountEndpoints.Map(api);
        OrganisationsEndpoints.Map(api);
        ApiClientsEndpoints.Map(api);
        CoSigningEndpoints.Map(api);
        ConnectEndpoints.Map(app);
        ConsultationsEndpoints.Map(api);
        SubmissionsEndpoints.Map(api);
        CommentsEndpoints.Map(api);
        ModerationEndpoints.Map(api);
        ReportsEndpoints.Map(api);
        return app;
    }
}
