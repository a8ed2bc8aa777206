# Refuse to plan a GPU the balance cannot keep running for a day.
data "gpucloud_verda_balance" "now" {
  lifecycle {
    postcondition {
      condition     = self.amount >= 24 * 3.5
      error_message = "The Verda balance does not cover a day of an H100."
    }
  }
}

output "balance" {
  value = "${data.gpucloud_verda_balance.now.amount} ${upper(data.gpucloud_verda_balance.now.currency)}"
}
