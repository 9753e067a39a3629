using System.Globalization;
using Berth.Linting.Hcl;
using Berth.Linting.Terraform;

namespace Berth.Linting.Rules;

public sealed class EcsFargateSizeRule : LintRule
{
    public override string Id => "BERTH-ECS-005";

    public override Severity Severity => Severity.High;

    public override string Title => "Fargate task cpu/memory is not a valid Fargate size";

    public override string Resource => "aws_ecs_task_definition";

    public override string Why => "Fargate accepts only certain cpu/memory pairs (DOMAIN.md §3, AWS's task size table). Any other pair fails at registration time — in the middle of an apply — and task-level cpu and memory are required on Fargate.";

    public override string Fix => "Use a valid pair: 256 with 512/1024/2048; 512 with 1024–4096; 1024 with 2048–8192; 2048 with 4096–16384; 4096 with 8192–30720 (1 GB steps); 8192 with 16384–61440 (4 GB steps); 16384 with 32768–122880 (8 GB steps).";

    public override RuleExample Failing => new("main.tf", """
        variable "memory" {
          default = 4096
        }

        resource "aws_ecs_task_definition" "api" {
          family                   = "api"
          requires_compatibilities = ["FARGATE"]
          cpu                      = 256
          memory                   = var.memory
        }
        """);

    public override RuleExample Passing => new("main.tf", """
        variable "memory" {
          default = 2048
        }

        resource "aws_ecs_task_definition" "api" {
          family                   = "api"
          requires_compatibilities = ["FARGATE"]
          cpu                      = 1024
          memory                   = var.memory
        }
        """);

    /// <summary>Valid memory (MiB) per cpu unit value: AWS Fargate task size table.</summary>
    public static bool IsValid(int cpu, int memory) => cpu switch
    {
        256 => memory is 512 or 1024 or 2048,
        512 => memory is >= 1024 and <= 4096 && memory % 1024 == 0,
        1024 => memory is >= 2048 and <= 8192 && memory % 1024 == 0,
        2048 => memory is >= 4096 and <= 16384 && memory % 1024 == 0,
        4096 => memory is >= 8192 and <= 30720 && memory % 1024 == 0,
        8192 => memory is >= 16384 and <= 61440 && memory % 4096 == 0,
        16384 => memory is >= 32768 and <= 122880 && memory % 8192 == 0,
        _ => false,
    };

    public override IEnumerable<Finding> Check(LintInput input)
    {
        foreach (var task in input.OfType("aws_ecs_task_definition"))
        {
            if (HclValue.ContainsUnknown(task.View.Get("requires_compatibilities")))
            {
                yield return UnknownNote(task, task.View, "requires_compatibilities", "whether it runs on Fargate");
                continue;
            }

            if (Tf.Strings(task.View.Get("requires_compatibilities")) is not { } compat || !compat.Contains("FARGATE"))
            {
                continue;
            }

            var cpuValue = task.View.Get("cpu");
            var memoryValue = task.View.Get("memory");
            if (cpuValue is null || memoryValue is null)
            {
                yield return Report(task, task.Range, "a Fargate task definition needs task-level cpu and memory");
                continue;
            }

            if (HclValue.IsUnknown(cpuValue) || HclValue.IsUnknown(memoryValue))
            {
                var attribute = HclValue.IsUnknown(cpuValue) ? "cpu" : "memory";
                yield return UnknownNote(task, task.View, attribute, "whether cpu and memory are a valid Fargate size");
                continue;
            }

            if (HclValue.AsNumber(cpuValue) is not { } cpu || HclValue.AsNumber(memoryValue) is not { } memory)
            {
                continue;
            }

            if (cpu != decimal.Truncate(cpu) || memory != decimal.Truncate(memory) || cpu > int.MaxValue || memory > int.MaxValue || !IsValid((int)cpu, (int)memory))
            {
                yield return Report(task, task.View.RangeOf("memory"), string.Create(CultureInfo.InvariantCulture,
                    $"cpu {HclValue.FormatNumber(cpu)} with memory {HclValue.FormatNumber(memory)} is not a valid Fargate size"));
            }
        }
    }
}
