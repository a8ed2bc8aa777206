# Lists the instances that already exist on the clouds in var.clouds (made in
# a console, by a script, by another team) and writes the import blocks that
# bring them under Terraform. See the guide "Bringing an existing fleet under
# Terraform" for the whole flow.

variable "clouds" {
  description = "The clouds to list: any of verda, tensordock, bluelobster, nova and novitai."
  type        = set(string)
  default     = ["verda", "tensordock", "bluelobster", "nova", "novitai"]
  validation {
    condition     = length(setsubtract(var.clouds, ["verda", "tensordock", "bluelobster", "nova", "novitai"])) == 0
    error_message = "clouds may hold only verda, tensordock, bluelobster, nova and novitai."
  }
}

variable "name_regex" {
  description = "Only instances whose name (hostname on Verda, label on Nova) matches this regular expression."
  type        = string
  default     = null
}

data "gpucloud_verda_instances" "fleet" {
  count      = contains(var.clouds, "verda") ? 1 : 0
  name_regex = var.name_regex
}

# A Verda instance's data volumes are objects of their own, billed apart:
# the ones attached to the instances found are imported with them.
data "gpucloud_verda_volumes" "fleet" {
  count = contains(var.clouds, "verda") ? 1 : 0
}

data "gpucloud_tensordock_instances" "fleet" {
  count      = contains(var.clouds, "tensordock") ? 1 : 0
  name_regex = var.name_regex
}

data "gpucloud_bluelobster_instances" "fleet" {
  count      = contains(var.clouds, "bluelobster") ? 1 : 0
  name_regex = var.name_regex
}

data "gpucloud_nova_instances" "fleet" {
  count      = contains(var.clouds, "nova") ? 1 : 0
  name_regex = var.name_regex
}

data "gpucloud_novitai_instances" "fleet" {
  count      = contains(var.clouds, "novitai") ? 1 : 0
  name_regex = var.name_regex
}

locals {
  # One entry per instance: the resource type that manages it, its name and its ID.
  verda_ids = toset(flatten(data.gpucloud_verda_instances.fleet[*].instances[*].id))
  found = concat(
    [for i in flatten(data.gpucloud_verda_instances.fleet[*].instances) : { type = "gpucloud_verda_instance", name = i.hostname, id = i.id }],
    [for v in flatten(data.gpucloud_verda_volumes.fleet[*].volumes) : { type = "gpucloud_verda_volume", name = v.name, id = v.id }
    if !v.is_os_volume && length(setintersection(v.instance_ids, local.verda_ids)) > 0],
    [for i in flatten(data.gpucloud_tensordock_instances.fleet[*].instances) : { type = "gpucloud_tensordock_instance", name = i.name, id = i.id }],
    [for i in flatten(data.gpucloud_bluelobster_instances.fleet[*].instances) : { type = "gpucloud_bluelobster_instance", name = i.name, id = i.id }],
    [for i in flatten(data.gpucloud_nova_instances.fleet[*].instances) : { type = "gpucloud_nova_instance", name = i.instance_label, id = i.id }],
    [for i in flatten(data.gpucloud_novitai_instances.fleet[*].instances) : { type = "gpucloud_novitai_instance", name = i.name, id = i.id }],
  )

  # A resource name from the instance's name: letters, digits, _ and -,
  # starting with a letter; an ID suffix where two instances share a name.
  cleaned = [for i in local.found : merge(i, { label = replace(lower(i.name), "/[^a-z0-9_-]/", "_") })]
  labelled = [for i in local.cleaned : merge(i, {
    label = format("%s%s",
      can(regex("^[a-z]", i.label)) ? i.label : "i_${i.label}",
      length([for o in local.cleaned : o if o.type == i.type && o.label == i.label]) > 1 ? "_${replace(substr(i.id, 0, 8), "/[^A-Za-z0-9_-]/", "_")}" : "",
    )
  })]
}

output "instances" {
  description = "What was found: resource address => the cloud's ID."
  value       = { for i in local.labelled : "${i.type}.${i.label}" => i.id }
}

output "import_blocks" {
  description = "Import blocks for every instance found; write them to a file of the configuration that will manage the fleet."
  value = join("", [for i in local.labelled : <<-EOT
    import {
      to = ${i.type}.${i.label}
      id = "${i.id}"
    }
    EOT
  ])
}
