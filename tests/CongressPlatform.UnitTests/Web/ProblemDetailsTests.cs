using System.Globalization;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Web;
using CongressPlatform.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.UnitTests.Web;

public sealed class ProblemDetailsTests
{
    /// <summary>Sets the UI culture for the test's flow and restores it afterwards.</summary>
    private sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

        public UiCulture(string name) => CultureInfo.CurrentUICulture = new CultureInfo(name);

        public void Dispose() => CultureInfo.CurrentUICulture = _previous;
    }

    private static JsonException UnknownField() =>
        new("The JSON property 'tenantId' could not be mapped to any .NET member contained in type 'X'.", "$.tenantId", null, null);

    public static TheoryData<string, int, string> Cases() => new()
    {
        { "validation", 400, "validation" },
        { "not-found", 404, "not_found" },
        { "forbidden", 403, "tenant.outside_scope" },
        { "conflict", 409, "tenant.code_taken" },
        { "business-rule", 422, "tenant.parent_inactive" },
        { "concurrency", 409, "concurrency" },
        { "too-large", 413, "request.too_large" },
        { "bad-request-unknown-field", 400, "request.unknown_field" },
        { "bad-request-bad-json", 400, "request.malformed_json" },
        { "bad-request", 400, "request.invalid" },
        { "json", 400, "request.malformed_json" },
        { "crash", 500, "server.error" },
    };

    private static Exception Make(string kind) => kind switch
    {
        "validation" => new RequestValidationException(new Dictionary<string, string[]> { ["name"] = ["必填"] }),
        "not-found" => NotFoundException.For("单位", "organisation"),
        "forbidden" => ForbiddenException.OutsideScope(),
        "conflict" => new ConflictException("tenant.code_taken", "taken"),
        "business-rule" => new BusinessRuleException("tenant.parent_inactive", "inactive"),
        "concurrency" => new DbUpdateConcurrencyException("stale"),
        "too-large" => new BadHttpRequestException("too large", StatusCodes.Status413PayloadTooLarge),
        "bad-request-unknown-field" => new BadHttpRequestException("bad body", StatusCodes.Status400BadRequest, UnknownField()),
        "bad-request-bad-json" => new BadHttpRequestException("bad body", StatusCodes.Status400BadRequest,
            new JsonException("'x' is an invalid start of a value.", "$", 0, 0)),
        "bad-request" => new BadHttpRequestException("missing parameter", StatusCodes.Status400BadRequest),
        "json" => new JsonException("unexpected end", "$.name", 0, 7),
        "crash" => new InvalidOperationException("secret internals"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_exception_maps_to_its_status_and_code(string kind, int status, string code)
    {
        var problem = ProblemDetailsExceptionHandler.Describe(Make(kind));
        problem.Status.Should().Be(status);
        problem.Extensions["code"].Should().Be(code);
        problem.Type.Should().Be($"/problems/{code}");
        problem.Detail.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Validation_problems_carry_the_field_errors()
    {
        var problem = ProblemDetailsExceptionHandler.Describe(Make("validation"));
        problem.Should().BeOfType<HttpValidationProblemDetails>()
            .Which.Errors.Should().ContainKey("name").WhoseValue.Should().Equal("必填");
    }

    [Fact]
    public void A_refusal_carries_its_details_but_never_overrides_the_code()
    {
        var rows = new[] { new { row = 3, column = "手机号" } };
        var problem = ProblemDetailsExceptionHandler.Describe(new BusinessRuleException("deputies.import_invalid", "有 1 行数据有误")
        {
            Details = new Dictionary<string, object?> { ["rows"] = rows, ["code"] = "forged" },
        });
        problem.Status.Should().Be(422);
        problem.Extensions["rows"].Should().BeSameAs(rows);
        problem.Extensions["code"].Should().Be("deputies.import_invalid");
    }

    [Fact]
    public void A_server_error_does_not_leak_the_exception_message()
    {
        ProblemDetailsExceptionHandler.Describe(Make("crash")).Detail.Should().NotContain("secret");
    }

    [Fact]
    public void Messages_are_Chinese_under_zh_CN()
    {
        using var _ = new UiCulture("zh-CN");
        ProblemDetailsExceptionHandler.Describe(Make("concurrency")).Detail.Should().Be("数据已被他人修改,请刷新后重试。");
        ProblemDetailsExceptionHandler.Describe(Make("not-found")).Detail.Should().Be("未找到该单位,或您无权访问。");
        ProblemDetailsExceptionHandler.Describe(Make("validation")).Detail.Should().Be("提交的内容有误,请检查后重试。");
        ProblemDetailsExceptionHandler.Describe(Make("bad-request-unknown-field")).Detail.Should().Be("请求中包含无法识别的字段:$.tenantId。");
        ProblemDetailsExceptionHandler.Describe(Make("crash")).Detail.Should().StartWith("服务器内部错误");
    }

    [Fact]
    public void Messages_are_English_under_en_US()
    {
        using var _ = new UiCulture("en-US");
        ProblemDetailsExceptionHandler.Describe(Make("concurrency")).Detail.Should().Be("The data was changed by someone else; reload and try again.");
        ProblemDetailsExceptionHandler.Describe(Make("not-found")).Detail.Should().Be("The organisation was not found or you may not access it.");
        ProblemDetailsExceptionHandler.Describe(Make("validation")).Detail.Should().Be("The request has invalid fields.");
        ProblemDetailsExceptionHandler.Describe(Make("bad-request-unknown-field")).Detail.Should().Be("The request contains an unknown field: $.tenantId.");
        ProblemDetailsExceptionHandler.Describe(Make("too-large")).Detail.Should().Be("The request body is larger than allowed.");
    }
}
