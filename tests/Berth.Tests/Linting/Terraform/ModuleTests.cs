using Berth.Linting.Rules;
using Berth.Tests.Linting.Rules;

namespace Berth.Tests.Linting.Terraform;

/// <summary>Modules read the way Terraform reads them: local, initialised registry modules, outputs, optional(), nullable.</summary>
public sealed class ModuleTests
{
    /// <summary>A cut-down registry EKS module: the endpoint settings come from variables, the cluster is counted.</summary>
    private const string EksModule = """
        variable "create" {
          type    = bool
          default = true
        }

        variable "cluster_name" {
          type = string
        }

        variable "cluster_endpoint_public_access" {
          type    = bool
          default = false
        }

        resource "aws_eks_cluster" "this" {
          count    = var.create ? 1 : 0
          name     = var.cluster_name
          role_arn = "arn:aws:iam::111122223333:role/eks"

          vpc_config {
            subnet_ids             = ["subnet-1"]
            endpoint_public_access = var.cluster_endpoint_public_access
          }
        }

        output "cluster_name" {
          value = try(aws_eks_cluster.this[0].name, var.cluster_name)
        }
        """;

    private const string Root = """
        module "eks" {
          source  = "terraform-aws-modules/eks/aws"
          version = "~> 20.0"

          cluster_name                   = "platform"
          cluster_endpoint_public_access = true
        }
        """;

    private const string Manifest = """
        {"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"eks","Source":"registry.terraform.io/terraform-aws-modules/eks/aws","Version":"20.8.4","Dir":".terraform/modules/eks"}]}
        """;

    [Fact]
    public void A_registry_module_is_read_from_the_folder_terraform_init_left()
    {
        var result = LintFiles.Run([new EksPublicEndpointRule()], [("main.tf", Root), (".terraform/modules/modules.json", Manifest), (".terraform/modules/eks/main.tf", EksModule)]);
        var finding = result.Findings.ShouldHaveSingleItem();
        finding.Address.ShouldBe("module.eks.aws_eks_cluster.this[0]");
        finding.Range.File.ShouldBe(".terraform/modules/eks/main.tf");
        (finding.Range.Line, finding.Range.Column).ShouldBe((22, 5));
        finding.Message.ShouldBe("module.eks.aws_eks_cluster.this[0]: the API endpoint is public and open to 0.0.0.0/0");
        result.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void A_module_in_a_subfolder_of_a_registry_package_is_found_by_its_manifest_key()
    {
        var root = """
            module "service" {
              source = "terraform-aws-modules/ecs/aws//modules/service"
              name   = "api"
            }
            """;
        var manifest = """{"Modules":[{"Key":"service","Source":"registry.terraform.io/terraform-aws-modules/ecs/aws//modules/service","Version":"5.11.0","Dir":".terraform/modules/service/modules/service"}]}""";
        var module = """
            variable "name" {
              type = string
            }

            resource "aws_ecs_task_definition" "this" {
              family                = var.name
              container_definitions = jsonencode([{ name = var.name, image = "api:1", privileged = true }])
            }
            """;
        var finding = LintFiles.Run([new EcsPrivilegedRule()], [("main.tf", root), (".terraform/modules/modules.json", manifest), (".terraform/modules/service/modules/service/main.tf", module)]).Findings.ShouldHaveSingleItem();
        finding.Message.ShouldBe("module.service.aws_ecs_task_definition.this: container 'api' is privileged");
    }

    [Fact]
    public void A_module_call_that_cannot_be_read_leaves_one_note_naming_it()
    {
        var result = LintFiles.Run([new EksPublicEndpointRule()], [("main.tf", Root)]);
        result.Findings.ShouldBeEmpty();
        var note = result.Diagnostics.ShouldHaveSingleItem();
        Path.GetFileName(note.Range.File).ShouldBe("main.tf");
        (note.Range.Line, note.Range.Column).ShouldBe((1, 1));
        note.Message.ShouldBe("module.eks: source \"terraform-aws-modules/eks/aws\" is not read: run terraform init so that .terraform/modules holds it; what it creates is not checked");
    }

    [Fact]
    public void A_call_missing_from_the_manifest_says_to_run_init_again()
    {
        var manifest = """{"Modules":[{"Key":"","Source":"","Dir":"."}]}""";
        var note = LintFiles.Run([new EksPublicEndpointRule()], [("main.tf", Root), (".terraform/modules/modules.json", manifest)]).Diagnostics.ShouldHaveSingleItem();
        note.Message.ShouldBe("module.eks: source \"terraform-aws-modules/eks/aws\" is not in .terraform/modules/modules.json (run terraform init again); what it creates is not checked");
    }

    [Fact]
    public void Module_outputs_feed_the_callers_resources()
    {
        // The shape of terraform-aws-modules/ecs: a container-definition module whose output the task definition encodes.
        var definition = """
            variable "name" {
              type = string
            }

            variable "privileged" {
              type    = bool
              default = false
            }

            locals {
              definition = {
                name       = var.name
                image      = "public.ecr.aws/app/${var.name}:1.4"
                privileged = var.privileged
              }
            }

            output "container_definition" {
              value = local.definition
            }
            """;
        var root = """
            module "container_definition" {
              source     = "./modules/container-definition"
              for_each   = { api = true, web = false }
              name       = each.key
              privileged = each.value
            }

            resource "aws_ecs_task_definition" "this" {
              family                = "app"
              container_definitions = jsonencode([for k, v in module.container_definition : v.container_definition])
            }
            """;
        var finding = LintFiles.Run([new EcsPrivilegedRule()], [("main.tf", root), ("modules/container-definition/main.tf", definition)]).Findings.ShouldHaveSingleItem();
        finding.Message.ShouldBe("aws_ecs_task_definition.this: container 'api' is privileged");
        finding.Range.File.ShouldBe("modules/container-definition/main.tf");
        finding.Range.Line.ShouldBe(14);
    }

    [Fact]
    public void A_constant_output_of_a_local_module_is_followed_to_where_it_is_written()
    {
        var module = """
            output "json" {
              value = jsonencode([{ name = "app", image = "app:1", privileged = true }])
            }
            """;
        var root = """
            module "definition" {
              source = "./definition"
            }

            resource "aws_ecs_task_definition" "this" {
              family                = "app"
              container_definitions = module.definition.json
            }
            """;
        var finding = LintFiles.Run([new EcsPrivilegedRule()], [("main.tf", root), ("definition/outputs.tf", module)]).Findings.ShouldHaveSingleItem();
        finding.Message.ShouldBe("aws_ecs_task_definition.this: container 'app' is privileged");
        (finding.Range.File, finding.Range.Line, finding.Range.Column).ShouldBe(("definition/outputs.tf", 2, 56));
    }

    [Fact]
    public void Counted_modules_are_indexed_instances_and_their_outputs_a_list()
    {
        var module = """
            output "public" {
              value = true
            }
            """;
        var root = """
            module "flags" {
              count  = 2
              source = "./flags"
            }

            resource "aws_eks_cluster" "this" {
              name     = "c"
              role_arn = "r"
              vpc_config {
                subnet_ids             = ["s"]
                endpoint_public_access = module.flags[1].public
              }
            }
            """;
        LintFiles.Run([new EksPublicEndpointRule()], [("main.tf", root), ("flags/main.tf", module)]).Findings.ShouldHaveSingleItem().Address.ShouldBe("aws_eks_cluster.this");
    }

    [Fact]
    public void Optional_attributes_take_their_defaults_and_non_nullable_variables_their_default()
    {
        var module = """
            variable "cluster" {
              type = object({
                name     = string
                endpoint = optional(object({
                  public = optional(bool, true)
                  cidrs  = optional(list(string), ["0.0.0.0/0"])
                }), {})
              })
            }

            variable "subnets" {
              type     = list(string)
              default  = ["subnet-a"]
              nullable = false
            }

            resource "aws_eks_cluster" "this" {
              name     = var.cluster.name
              role_arn = "r"
              vpc_config {
                subnet_ids             = var.subnets
                endpoint_public_access = var.cluster.endpoint.public
                public_access_cidrs    = var.cluster.endpoint.cidrs
              }
            }
            """;
        var root = """
            module "eks" {
              source  = "./eks"
              cluster = { name = "platform" }
              subnets = null
            }
            """;
        var result = LintFiles.Run([new EksPublicEndpointRule()], [("main.tf", root), ("eks/main.tf", module)]);
        result.Findings.ShouldHaveSingleItem().Message.ShouldBe("module.eks.aws_eks_cluster.this: the API endpoint is public and open to 0.0.0.0/0");
    }

    [Fact]
    public void Terraform_json_files_are_read()
    {
        var json = """
            {
              "resource": {
                "aws_eks_cluster": {
                  "this": {
                    "name": "platform",
                    "role_arn": "${var.role}",
                    "vpc_config": {
                      "subnet_ids": ["subnet-1"],
                      "endpoint_public_access": "${var.public}"
                    }
                  }
                }
              },
              "variable": {
                "role": { "type": "string", "default": "arn:aws:iam::1:role/eks" },
                "public": { "type": "bool", "default": true }
              }
            }
            """;
        var finding = LintFiles.Run([new EksPublicEndpointRule()], [("main.tf.json", json)]).Findings.ShouldHaveSingleItem();
        finding.Message.ShouldBe("aws_eks_cluster.this: the API endpoint is public and open to 0.0.0.0/0");
        (finding.Range.File, finding.Range.Line).ShouldBe(("main.tf.json", 9));
    }
}
