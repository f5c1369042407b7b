using System.Text;
using CongressPlatform.Modules.Identity.Audit;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Features.Audit;

namespace CongressPlatform.UnitTests.Identity;

public sealed class IdentityAuditEntryTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_record_maps_field_by_field()
    {
        var (user, actor, tenant) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var entry = IdentityAuditEntry.From(
            new IdentityAuditRecord(IdentityAuditKinds.PasswordReset, true, user, "zhangsan", actor, tenant, "spa", "管理员重置密码"),
            Now, "10.0.0.7", "Mozilla/5.0");

        entry.Id.Version.Should().Be(7);
        entry.Should().BeEquivalentTo(new
        {
            OccurredAtUtc = Now, Kind = "password.reset", Outcome = IdentityAuditOutcome.Success, UserId = (Guid?)user, UserName = "zhangsan",
            ActorId = (Guid?)actor, TenantId = (Guid?)tenant, ClientId = "spa", IpAddress = "10.0.0.7", UserAgent = "Mozilla/5.0", Detail = "管理员重置密码",
        });
        IdentityAuditEntry.From(new IdentityAuditRecord(IdentityAuditKinds.SignInFailed, false), Now, null, "  ").Should().BeEquivalentTo(new
        {
            Outcome = IdentityAuditOutcome.Failure, UserId = (Guid?)null, UserName = (string?)null, UserAgent = (string?)null, Detail = (string?)null,
        });
    }

    [Fact]
    public void Overlong_text_is_cut_to_its_column_and_control_characters_become_spaces()
    {
        var entry = IdentityAuditEntry.From(
            new IdentityAuditRecord(IdentityAuditKinds.SignInFailed, false, UserName: new string('名', 100) + "\r\n", Detail: "第一行\r\n第二行\t" + new string('x', 2000)),
            Now, null, new string('a', 500));

        entry.UserName.Should().HaveLength(IdentityAuditEntry.UserNameLength).And.EndWith("…").And.StartWith("名名");
        entry.UserAgent.Should().HaveLength(IdentityAuditEntry.UserAgentLength).And.EndWith("…");
        entry.Detail.Should().HaveLength(IdentityAuditEntry.DetailLength).And.StartWith("第一行  第二行 x").And.NotContainAny("\r", "\n", "\t");
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 40)); // 80 UTF-16 units
        var cut = IdentityAuditEntry.Clean(emoji, 64)!;
        cut.Should().EndWith("…");
        cut.Length.Should().BeLessThanOrEqualTo(64);
        cut[..^1].Should().Be(string.Concat(Enumerable.Repeat("😀", 31)));
        Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(cut)).Should().Be(cut, "no lone surrogate");
    }

    [Fact]
    public void An_unknown_kind_or_a_local_time_is_a_programming_error()
    {
        var unknown = () => IdentityAuditEntry.From(new IdentityAuditRecord("sign_in.sucess", true), Now, null, null);
        unknown.Should().Throw<ArgumentException>().WithMessage("*sign_in.sucess*");
        var local = () => IdentityAuditEntry.From(new IdentityAuditRecord(IdentityAuditKinds.Export, true), DateTime.Now, null, null);
        local.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Every_kind_is_listed_once_and_fits_its_column()
    {
        var constants = typeof(IdentityAuditKinds).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        IdentityAuditKinds.All.Should().BeEquivalentTo(constants).And.OnlyHaveUniqueItems().And.HaveCount(25);
        IdentityAuditKinds.All.Should().OnlyContain(k => k.Length <= IdentityAuditEntry.KindLength && !k.Any(char.IsUpper));
        IdentityAuditKinds.IsKnown(null).Should().BeFalse();
        IdentityAuditKinds.IsKnown("EXPORT").Should().BeFalse();
    }
}

public sealed class AuditCsvTests
{
    private static string Line(params string?[] fields)
    {
        var csv = new StringBuilder();
        ExportAuditEntriesQueryHandler.AppendLine(csv, fields);
        return csv.ToString();
    }

    [Fact]
    public void Fields_are_quoted_only_when_needed_and_lines_end_with_crlf() =>
        Line("a", null, "b,c", "say \"hi\"", "x\ny", "中文").Should().Be("a,,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\",中文\r\n");

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86", "'+86")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("zhang=san", "zhang=san")]
    public void A_field_excel_would_evaluate_starts_with_an_apostrophe(string field, string written) =>
        Line(field).Should().Be(written + "\r\n");
}
