using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CongressPlatform.IntegrationTests.Infrastructure;

public static class Http
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"the call should succeed, but answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", body);
        return JsonDocument.Parse(body).RootElement;
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T value) =>
        client.PostAsJsonAsync(url, value, Json);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T value) =>
        client.PutAsJsonAsync(url, value, Json);

    public static StringContent RawJson(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}

public sealed record TenantView(Guid Id, string Code, string Name, string Kind, Guid? ParentId, string Path, int Depth, bool IsActive, Guid Version);

public sealed record UnitView(Guid Id, Guid TenantId, string TenantName, string Name, string Kind, string? ContactName, string? ContactPhone, bool IsActive, Guid Version);

public sealed record Paged<T>(List<T> Items, int Total, int Page, int PageSize);

public sealed record PolicyView(Guid Id, Guid TenantId, int Year, int Revision, DateTime UpdatedAtUtc, Guid Version, List<RuleView> Rules);

public sealed record RuleView(string Kind, int Points, int? QuarterCap);

public static class Demo
{
    public const string District = "liucheng";
    public const string Street = "dongliu";
    public const string Sibling = "xiliu";
    public const string Township = "xinchang";
}
