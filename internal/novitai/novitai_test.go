package novitai_test

import (
	"fmt"
)

const inst = "gpucloud_novitai_instance.gpu"

func hcl(name, template, extra string) string {
	return fmt.Sprintf(`
resource "gpucloud_novitai_instance" "gpu" {
  name         = %q
  product_name = "gpu-basic"
  template_id  = %q
%s
}
`, name, template, extra)
}
