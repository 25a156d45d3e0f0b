using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookReceiver.Internal;

/// <summary>
/// The inbox HTTP API's request delegates (no parameter binding: trim and AOT safe). Errors are problem details:
/// 400 for a bad status or limit, 404 for an unknown id, 409 when the entry's status does not allow the operation.
/// </summary>
internal static class InboxApiEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/deliveries", ListAsync).WithDisplayName("Webhook inbox: list deliveries");
        group.MapDelete("/deliveries", PurgeAsync).WithDisplayName("Webhook inbox: purge deliveries");
        group.MapGet("/deliveries/{id}", GetAsync).WithDisplayName("Webhook inbox: get delivery");
        group.MapDelete("/deliveries/{id}", DeleteAsync).WithDisplayName("Webhook inbox: delete delivery");
        group.MapPost("/deliveries/{id}/retry", RetryAsync).WithDisplayName("Webhook inbox: retry delivery");
        group.MapPost("/deliveries/{id}/requeue", RequeueAsync).WithDisplayName("Webhook inbox: requeue delivery");
        group.MapGet("/counts", CountAsync).WithDisplayName("Webhook inbox: counts");
    }

    private static IWebhookInbox Inbox(HttpContext context) => context.RequestServices.GetRequiredService<IWebhookInbox>();

    private static string Id(HttpContext context) => (string)context.Request.RouteValues["id"]!;

    private static async Task ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        WebhookInboxStatus? status = null;
        if (query.TryGetValue("status", out var statusText))
        {
            if (!InboxApiJson.TryParseStatus(statusText, out var parsed))
            {
                await BadRequest(context, "status must be one of queued, processing, retrying, completed, dead.");
                return;
            }
            status = parsed;
        }
        var limit = 100;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, out limit) || limit is < 1 or > WebhookInbox.MaxList))
        {
            await BadRequest(context, $"limit must be a number from 1 to {WebhookInbox.MaxList}.");
            return;
        }
        var entries = await Inbox(context).ListAsync(status, limit, context.RequestAborted);
        await Json(context, entries.Select(InboxApiJson.Summary).ToArray(), InboxApiJson.Default.InboxApiEntryArray);
    }

    private static async Task GetAsync(HttpContext context)
    {
        var entry = await Inbox(context).GetAsync(Id(context), context.RequestAborted);
        if (entry is null)
            await NotFound(context);
        else
            await Json(context, InboxApiJson.Detail(entry), InboxApiJson.Default.InboxApiEntryDetail);
    }

    private static async Task CountAsync(HttpContext context)
    {
        var c = await Inbox(context).CountAsync(context.RequestAborted);
        await Json(context, new InboxApiCounts(c.Queued, c.Processing, c.Retrying, c.Completed, c.Dead, c.Pending, c.OldestPendingReceivedAt),
            InboxApiJson.Default.InboxApiCounts);
    }

    private static async Task RetryAsync(HttpContext context)
        => await Changed(context, await Inbox(context).RetryAsync(Id(context), context.RequestAborted), "queued",
            "only a retrying or dead entry can be retried");

    private static async Task RequeueAsync(HttpContext context)
        => await Changed(context, await Inbox(context).RequeueAsync(Id(context), context.RequestAborted), "queued",
            "only a dead entry can be requeued");

    private static async Task DeleteAsync(HttpContext context)
        => await Changed(context, await Inbox(context).DeleteAsync(Id(context), context.RequestAborted), "deleted",
            "only a completed or dead entry can be deleted");

    private static async Task PurgeAsync(HttpContext context)
    {
        if (!InboxApiJson.TryParseStatus(context.Request.Query["status"], out var status)
            || status is not (WebhookInboxStatus.Completed or WebhookInboxStatus.Dead))
        {
            await BadRequest(context, "status must be completed or dead: DELETE deliveries?status=dead purges every dead letter.");
            return;
        }
        var purged = await Inbox(context).PurgeAsync(status, context.RequestAborted);
        await Json(context, new InboxApiPurged(InboxApiJson.StatusName(status), purged), InboxApiJson.Default.InboxApiPurged);
    }

    private static async Task Changed(HttpContext context, WebhookInboxOperationResult result, string status, string conflict)
    {
        switch (result)
        {
            case WebhookInboxOperationResult.Done:
                await Json(context, new InboxApiChanged(Id(context), status), InboxApiJson.Default.InboxApiChanged);
                break;
            case WebhookInboxOperationResult.NotFound:
                await NotFound(context);
                break;
            default:
                await TypedResults.Problem($"The entry's status does not allow this: {conflict}.", statusCode: StatusCodes.Status409Conflict,
                    title: "Wrong status").ExecuteAsync(context);
                break;
        }
    }

    private static Task Json<T>(HttpContext context, T value, JsonTypeInfo<T> type) => TypedResults.Json(value, type).ExecuteAsync(context);

    private static Task NotFound(HttpContext context)
        => TypedResults.Problem("No inbox entry has this id (it may have been purged or trimmed after its retention).",
            statusCode: StatusCodes.Status404NotFound, title: "Not found").ExecuteAsync(context);

    private static Task BadRequest(HttpContext context, string detail)
        => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request").ExecuteAsync(context);
}
