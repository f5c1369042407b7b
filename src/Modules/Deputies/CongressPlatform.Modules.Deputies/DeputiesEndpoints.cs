using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Features.PointsPolicies;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CongressPlatform.Modules.Deputies;

internal static class DeputiesEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var policies = endpoints.MapGroup("/api/deputies/points-policies").WithTags("Deputies: duty points");
        policies.MapGet("/", (int? year, IMediator m, CancellationToken ct) => m.Send(new ListPointsPoliciesQuery(year), ct))
            .RequirePermission(DeputiesPermissions.PointsPoliciesRead).WithName("ListPointsPolicies");
        policies.MapPut("/{id:guid}/rules", (Guid id, UpdatePointsRulesBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.PointsPoliciesUpdate).WithName("UpdatePointsRules");

        // ----- Report-back (述职), public ballots, quarterly reports and reminder letters -----
        ReportBackEndpoints.Map(endpoints);
    }
}
