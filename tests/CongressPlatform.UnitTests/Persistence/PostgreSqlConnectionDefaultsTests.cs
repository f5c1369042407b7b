using CongressPlatform.BuildingBlocks.Persistence;
using Npgsql;

namespace CongressPlatform.UnitTests.Persistence;

public sealed class PostgreSqlConnectionDefaultsTests
{
    [Fact]
    public void A_string_that_says_nothing_gets_prepared_statements_and_no_reset_on_close()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionDefaults.Apply("Host=127.0.0.1;Username=u;Password=p;Database=congress"));
        applied.MaxAutoPrepare.Should().Be(PostgreSqlConnectionDefaults.MaxAutoPrepare);
        applied.NoResetOnClose.Should().BeTrue();
        applied.Host.Should().Be("127.0.0.1");
        applied.Database.Should().Be("congress");
        applied.Password.Should().Be("p");
    }

    [Theory]
    [InlineData("Host=h;Max Auto Prepare=0;No Reset On Close=false", 0, false)]
    [InlineData("Host=h;maxautoprepare=5;noresetonclose=False", 5, false)]
    [InlineData("Host=h;MAX AUTO PREPARE=12", 12, true)]
    public void An_operators_own_value_is_kept(string connectionString, int maxAutoPrepare, bool noResetOnClose)
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionDefaults.Apply(connectionString));
        applied.MaxAutoPrepare.Should().Be(maxAutoPrepare);
        applied.NoResetOnClose.Should().Be(noResetOnClose);
    }
}
