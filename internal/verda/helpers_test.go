package verda_test

import "github.com/hashicorp/terraform-plugin-testing/terraform"

type resourceState = terraform.State
