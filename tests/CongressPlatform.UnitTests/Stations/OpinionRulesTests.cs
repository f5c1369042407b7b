using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Features.Opinions;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.UnitTests.Stations;

public sealed class OpinionRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

    private static Opinion New(Guid? deputyId = null) =>
        new(TrackingCodes.New(), OpinionChannel.QrCode, Guid.NewGuid(), deputyId, deputyId is null ? null : "李秀英", " 路灯坏了 ", null, "key", Now,
            new DateOnly(2026, 12, 1));

    [Fact]
    public void Tracking_codes_are_ten_unambiguous_characters_unique_and_normalized_from_what_a_resident_types()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => TrackingCodes.New()).ToList();
        codes.Should().OnlyContain(c => c.Length == 10 && c.All(ch => TrackingCodes.Alphabet.Contains(ch)));
        codes.Distinct().Should().HaveCount(codes.Count);
        TrackingCodes.Alphabet.Should().NotContainAny("0", "O", "1", "I", "L");
        TrackingCodes.Normalize(" abcd-efgh jk ").Should().Be("ABCDEFGHJK");
        TrackingCodes.Normalize("ABCDEFGHJ0").Should().BeNull();
        TrackingCodes.Normalize("ABC").Should().BeNull();
        TrackingCodes.Normalize(null).Should().BeNull();
    }

    [Fact]
    public void Similar_texts_score_high_regardless_of_punctuation_and_spacing_and_different_ones_low()
    {
        OpinionSimilarity.AreSimilar("柳岸小区东门路灯不亮,晚上很黑。", "柳岸小区东门的路灯不亮了,晚上很黑!").Should().BeTrue();
        OpinionSimilarity.Score("Street  light, broken!", "street light broken").Should().Be(1);
        OpinionSimilarity.AreSimilar("柳岸小区东门路灯不亮", "希望增加老年食堂和健身器材").Should().BeFalse();
        OpinionSimilarity.Score("", "路灯").Should().Be(0);
    }

    [Theory]
    [InlineData(2026, 10, 15, 2026, 9, 18, 15, OpinionSla.Green)]
    [InlineData(2026, 10, 15, 2026, 10, 12, 3, OpinionSla.Amber)]
    [InlineData(2026, 10, 15, 2026, 10, 15, 0, OpinionSla.Amber)]
    [InlineData(2026, 10, 15, 2026, 10, 16, -1, OpinionSla.Red)]
    public void The_SLA_light_is_green_above_three_working_days_amber_up_to_the_due_date_red_after(
        int dy, int dm, int dd, int ty, int tm, int td, int left, OpinionSla expected) =>
        OpinionWorkflow.Light(new DateOnly(dy, dm, dd), new DateOnly(ty, tm, td), left).Should().Be(expected);

    [Fact]
    public void An_opinion_goes_received_referred_answered_fed_back_closed_and_is_rated_once()
    {
        var opinion = New(Guid.NewGuid());
        opinion.Content.Should().Be("路灯坏了");
        opinion.Anonymous.Should().BeTrue();
        opinion.Refer(Guid.NewGuid(), "东柳街道办事处", new DateOnly(2026, 12, 22), Now);
        opinion.Status.Should().Be(OpinionStatus.Referred);
        opinion.AnswerWith("已修复", "周科员", Now);
        opinion.Status.Should().Be(OpinionStatus.Answered);
        opinion.Invoking(o => o.Rate(OpinionRating.Satisfied, Now)).Should().Throw<ConflictException>();
        opinion.FeedBack("路灯已修复", Now);
        opinion.Rate(OpinionRating.BasicallySatisfied, Now);
        opinion.Invoking(o => o.Rate(OpinionRating.Satisfied, Now)).Should().Throw<ConflictException>().Which.Code.Should().Be("opinion.already_rated");
        opinion.Close(null, Now);
        opinion.Status.Should().Be(OpinionStatus.Closed);
    }

    [Fact]
    public void Wrong_states_are_refused_and_a_referral_needs_the_deputy_who_received_it()
    {
        var opinion = New();
        opinion.Invoking(o => o.Refer(Guid.NewGuid(), "单位", new DateOnly(2026, 12, 22), Now))
            .Should().Throw<BusinessRuleException>().Which.Code.Should().Be("opinion.deputy_required");
        opinion.Invoking(o => o.AnswerWith("x", "y", Now)).Should().Throw<ConflictException>().Which.Message.Should().Contain("已受理");
        opinion.Invoking(o => o.FeedBack("x", Now)).Should().Throw<ConflictException>();
        opinion.Invoking(o => o.Close(null, Now)).Should().Throw<BusinessRuleException>().Which.Code.Should().Be("opinion.close_note_required");
        opinion.Triage("城市管理", "柳岸社区", true, Guid.NewGuid(), "王建国");
        opinion.Confidential.Should().BeTrue();
        opinion.Invoking(o => o.MarkDuplicateOf(o, "x")).Should().Throw<BusinessRuleException>();
        var original = New();
        opinion.MarkDuplicateOf(original, "已合并");
        opinion.Status.Should().Be(OpinionStatus.Closed);
        opinion.DuplicateOfId.Should().Be(original.Id);
        opinion.Invoking(o => o.Triage(null, null, false, null, null)).Should().Throw<ConflictException>();
    }
}
