using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;

namespace CongressPlatform.Benchmarks.Pipeline;

/// <summary>A trivial query: the handler does no work, so what is measured is the pipeline around it.</summary>
[NoPermissionRequired("Benchmark request: measures the pipeline, reads nothing")]
public sealed record PingQuery(int Value) : IQuery<int>;

public sealed class PingQueryValidator : AbstractValidator<PingQuery>
{
    public PingQueryValidator() => RuleFor(q => q.Value).GreaterThanOrEqualTo(0);
}

public sealed class PingQueryHandler : IRequestHandler<PingQuery, int>
{
    public Task<int> Handle(PingQuery request, CancellationToken cancellationToken) => Task.FromResult(request.Value + 1);
}

/// <summary>A trivial command: goes through the unit-of-work behaviour (which commits no DbContext here).</summary>
[RequiresPermission(PingCommand.Permission)]
public sealed record PingCommand(int Value) : ICommand<int>
{
    public const string Permission = "bench.pings.send";
}

public sealed class PingCommandValidator : AbstractValidator<PingCommand>
{
    public PingCommandValidator() => RuleFor(c => c.Value).GreaterThanOrEqualTo(0);
}

public sealed class PingCommandHandler : IRequestHandler<PingCommand, int>
{
    public Task<int> Handle(PingCommand request, CancellationToken cancellationToken) => Task.FromResult(request.Value + 1);
}
