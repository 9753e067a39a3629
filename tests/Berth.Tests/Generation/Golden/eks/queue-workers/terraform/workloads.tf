# Pod Identity (not IRSA) for each service that calls AWS: its own role, scoped to what it names.
locals {
  workloads = {
    "email-worker" = {
      namespace = "order-pipeline"
      secrets   = []
      queues    = ["emails"]
    }
    "invoice-worker" = {
      namespace = "order-pipeline"
      secrets   = ["order-pipeline/ledger-token"]
      queues    = ["invoices"]
    }
  }
}

resource "aws_iam_role" "workload" {
  for_each           = local.workloads
  name               = "${local.name}-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.pod_identity_assume.json
}

data "aws_iam_policy_document" "workload" {
  for_each = local.workloads

  dynamic "statement" {
    for_each = length(each.value.secrets) > 0 ? [1] : []

    content {
      sid       = "ReadOwnSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = [for n in each.value.secrets : "arn:${local.partition}:secretsmanager:${var.region}:${local.account_id}:secret:${n}-*"]
    }
  }

  dynamic "statement" {
    for_each = length(each.value.queues) > 0 ? [1] : []

    content {
      sid = "ConsumeOwnQueues"
      actions = [
        "sqs:ChangeMessageVisibility",
        "sqs:DeleteMessage",
        "sqs:GetQueueAttributes",
        "sqs:GetQueueUrl",
        "sqs:ReceiveMessage",
      ]
      resources = [for q in each.value.queues : "arn:${local.partition}:sqs:${var.region}:${local.account_id}:${q}"]
    }
  }
}

resource "aws_iam_role_policy" "workload" {
  for_each = local.workloads
  name     = "own-resources"
  role     = aws_iam_role.workload[each.key].id
  policy   = data.aws_iam_policy_document.workload[each.key].json
}

resource "aws_eks_pod_identity_association" "workload" {
  for_each        = local.workloads
  cluster_name    = aws_eks_cluster.this.name
  namespace       = each.value.namespace
  service_account = each.key
  role_arn        = aws_iam_role.workload[each.key].arn
}
