data "gpucloud_verda_long_term_periods" "offered" {
  enabled_only = true
}

output "discounts" {
  value = { for p in data.gpucloud_verda_long_term_periods.offered.periods : p.name => "${p.discount_percentage}%" }
}
