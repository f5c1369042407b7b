using CongressPlatform.Modules.Stations.Domain;

namespace CongressPlatform.UnitTests.Stations;

public sealed class NoticeRulesTests
{
    [Theory]
    [InlineData("请打我电话13957112345,谢谢", "请打我电话＊＊＊,谢谢")]
    [InlineData("手机 139-5711-2345 晚上打", "手机 ＊＊＊ 晚上打")]
    [InlineData("+86 13957112345", "＊＊＊")]
    [InlineData("号码１３９５７１１２３４５", "号码＊＊＊")]
    [InlineData("座机0571-86012345转8001", "座机＊＊＊")]
    [InlineData("(0571)86012345", "＊＊＊")]
    [InlineData("电话:86012345", "电话:＊＊＊")]
    [InlineData("身份证330106199001011234号", "身份证＊＊＊号")]
    [InlineData("证件33010619900101123X", "证件＊＊＊")]
    [InlineData("照片发到 chunhui2023@example.com 了", "照片发到 ＊＊＊ 了")]
    public void Personal_numbers_and_addresses_residents_typed_are_masked(string typed, string shown) =>
        NoticeScrubber.Scrub(typed, []).Should().Be(shown);

    [Theory]
    [InlineData("锦绣路88号3幢,共有120户,2026年5月起电梯停运")]
    [InlineData("补贴标准每月1500元,约20000人受益")]
    [InlineData("12345 热线已经打过")]
    public void Other_numbers_stay(string text)
    {
        NoticeScrubber.Scrub(text, []).Should().Be(text);
        NoticeScrubber.Contains(text).Should().BeFalse();
    }

    [Fact]
    public void The_contact_name_the_resident_left_is_masked_where_they_repeated_it_and_one_character_is_not_a_name()
    {
        NoticeScrubber.Scrub("我是张阿姨,住3号楼。张阿姨的电话13957112345", ["张阿姨", "张"])
            .Should().Be("我是＊＊＊,住3号楼。＊＊＊的电话＊＊＊");
        NoticeScrubber.Contains("我的电话13957112345").Should().BeTrue();
    }

    [Fact]
    public void The_first_notice_covers_from_the_month_before_or_from_an_earlier_first_opinion()
    {
        var cutOff = new DateOnly(2026, 11, 20);
        NoticePeriod.For(cutOff, null, null).Should().Be(new NoticePeriod(new DateOnly(2026, 10, 21), cutOff));
        NoticePeriod.For(cutOff, null, new DateOnly(2026, 11, 3)).Should().Be(new NoticePeriod(new DateOnly(2026, 10, 21), cutOff));
        NoticePeriod.For(cutOff, null, new DateOnly(2026, 8, 9)).Should().Be(new NoticePeriod(new DateOnly(2026, 8, 9), cutOff));
        NoticePeriod.For(new DateOnly(2026, 3, 20), null, null)!.Value.Start.Should().Be(new DateOnly(2026, 2, 21));
        NoticePeriod.For(new DateOnly(2026, 1, 20), null, null)!.Value.Start.Should().Be(new DateOnly(2025, 12, 21));
    }

    [Fact]
    public void A_later_notice_starts_the_day_after_the_previous_cut_off_and_a_covered_cut_off_has_no_period()
    {
        var cutOff = new DateOnly(2026, 11, 20);
        NoticePeriod.For(cutOff, new DateOnly(2026, 10, 20), new DateOnly(2026, 1, 1))
            .Should().Be(new NoticePeriod(new DateOnly(2026, 10, 21), cutOff));
        // A month without a notice (nothing was raised) is covered by the next one.
        NoticePeriod.For(cutOff, new DateOnly(2026, 8, 20), null).Should().Be(new NoticePeriod(new DateOnly(2026, 8, 21), cutOff));
        NoticePeriod.For(cutOff, cutOff, null).Should().BeNull();
        NoticePeriod.For(cutOff, new DateOnly(2026, 12, 20), null).Should().BeNull();
    }

    [Theory]
    [InlineData("2026-12-01", "2026-11-20")]
    [InlineData("2026-12-19", "2026-11-20")]
    [InlineData("2026-12-20", "2026-12-20")]
    [InlineData("2026-12-31", "2026-12-20")]
    [InlineData("2027-01-05", "2026-12-20")]
    public void A_run_now_compiles_the_latest_twentieth(string today, string cutOff) =>
        NoticePeriod.LatestCutOff(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(DateOnly.Parse(cutOff, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_draft_item_keeps_staffs_summary_on_refresh_and_an_edit_is_scrubbed_too()
    {
        var item = new StationNoticeItem(Guid.NewGuid(), Guid.NewGuid());
        var source = new NoticeItemSource(item.OpinionId, "物业小区", new DateOnly(2026, 11, 1), null, true, false, OpinionStatus.Received,
            "电梯坏了,找李明13957112345", null, ["李明"]);
        item.CopyFrom(source);
        item.Summary.Should().Be("电梯坏了,找＊＊＊＊＊＊");
        item.EditSummary("电梯停运,联系 0571-86012345");
        item.Summary.Should().Be("电梯停运,联系 ＊＊＊");
        item.CopyFrom(source with { Content = "另一段文字" });
        item.Summary.Should().Be("电梯停运,联系 ＊＊＊");
        item.SummaryEdited.Should().BeTrue();
    }

    [Fact]
    public void Only_a_draft_is_published_and_only_a_published_notice_is_withdrawn()
    {
        var now = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        var notice = new StationNotice(Guid.NewGuid(), "锦绣社区联络站", new NoticePeriod(new DateOnly(2026, 10, 21), new DateOnly(2026, 11, 20)), now);
        notice.Invoking(n => n.Withdraw("误发", now)).Should().Throw<CongressPlatform.SharedKernel.ConflictException>();
        notice.Publish("赵干事", now);
        notice.Status.Should().Be(StationNoticeStatus.Published);
        notice.Invoking(n => n.Publish("赵干事", now)).Should().Throw<CongressPlatform.SharedKernel.ConflictException>()
            .Which.Message.Should().Contain("已公示");
        notice.Withdraw("误发", now);
        notice.Status.Should().Be(StationNoticeStatus.Withdrawn);
    }
}
