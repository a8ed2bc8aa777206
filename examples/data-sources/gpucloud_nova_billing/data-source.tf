data "gpucloud_nova_billing" "now" {}

output "nova_balance" {
  value = data.gpucloud_nova_billing.now.balance
}

# Fields under other names are still in the answer.
output "nova_billing_answer" {
  value = jsondecode(data.gpucloud_nova_billing.now.answer_json)
}
