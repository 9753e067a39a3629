using Berth.Linting.Hcl;

namespace Berth.Linting.Rules;

public sealed class EcsSpotForWorkersRule : LintRule
{
    public override string Id => "BERTH-ECS-013";

    public override Severity Severity => Severity.Low;

    public override string Title => "Worker or non-production ECS service without Fargate Spot";

    public override string Resource => "aws_ecs_service";

    public override string Why => "Background workers, batch jobs and development environments tolerate a two-minute interruption; Fargate Spot runs them up to ~70% cheaper (DOMAIN.md §5: no Fargate Spot for workers, batch and dev).";

    public override string Fix => "Add a `capacity_provider_strategy` with FARGATE_SPOT (for example FARGATE base 1 weight 20, FARGATE_SPOT weight 80) and handle SIGTERM.";

    public override RuleExample Failing => new("main.tf", """
        resource "aws_ecs_service" "queue_worker" {
          name = "queue-worker"
          capacity_provider_strategy {
            capacity_provider = "FARGATE"
            weight            = 100
          }
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        resource "aws_ecs_service" "queue_worker" {
          name = "queue-worker"
          capacity_provider_strategy {
            capacity_provider = "FARGATE"
            base              = 1
            weight            = 20
          }
          capacity_provider_strategy {
            capacity_provider = "FARGATE_SPOT"
            weight            = 80
          }
        }
        """);

    private static readonly string[] WorkerWords = ["worker", "batch", "consumer", "queue", "job", "cron"];

    private static readonly string[] NonProduction = ["dev", "development", "staging", "test", "sandbox", "qa"];

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var service in input.OfType("aws_ecs_service"))
        {
            var name = (HclValue.AsString(service.View.Get("name")) ?? service.Name).ToLowerInvariant();
            var environment = service.View.Get("tags") is HclDictionary tags ? HclValue.AsString(tags.GetOrNull("Environment") ?? tags.GetOrNull("environment"))?.ToLowerInvariant() : null;
            var why = WorkerWords.FirstOrDefault(w => name.Contains(w, StringComparison.Ordinal)) is { } word ? "a " + word + " service"
                : environment is not null && NonProduction.Contains(environment) ? "a " + environment + " service" : null;
            if (why is null || service.View.MayHaveUnknownBlocks("capacity_provider_strategy"))
            {
                continue;
            }

            var strategies = service.View.Blocks("capacity_provider_strategy");
            if (strategies.Count == 0)
            {
                // The cluster's default strategy applies: only flag an explicit FARGATE launch type.
                if (service.View.Get("launch_type") is "FARGATE")
                {
                    yield return Report(service, service.View.RangeOf("launch_type"), why + " on FARGATE only: no Fargate Spot");
                }

                continue;
            }

            var providers = strategies.Select(s => s.Get("capacity_provider")).ToList();
            if (providers.FirstOrDefault(HclValue.IsUnknown) is not null)
            {
                var unknown = strategies.First(s => HclValue.IsUnknown(s.Get("capacity_provider")));
                yield return UnknownNote(service, unknown, "capacity_provider", "whether " + why + " uses Fargate Spot");
                continue;
            }

            if (providers.All(p => p is string) && !providers.Contains("FARGATE_SPOT") && providers.Contains("FARGATE"))
            {
                yield return Report(service, strategies[0].Range, why + " with no FARGATE_SPOT in its capacity provider strategy");
            }
        }
    }
}
