package offers

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
)

func TestOfferValue(t *testing.T) {
	o := Offer{Cloud: "nova", GPUModel: "RTX5090-32GB", CloudGPUName: "5090", GPUCount: 2, GPUMemoryGB: 32, Location: "Ashburn, US",
		Country: "US", PricePerHour: 1.38, Currency: "USD", Launch: Launch{NovaNode: "vm01", NovaGPUType: "5090", NovaGPUCount: 2}}
	attrs := o.value().Attributes()
	if attrs["nova_node"].(types.String).ValueString() != "vm01" || attrs["nova_gpu_count"].(types.Int64).ValueInt64() != 2 ||
		attrs["price_per_hour"].(types.Float64).ValueFloat64() != 1.38 {
		t.Errorf("%v", attrs)
	}
	// What another cloud launches with is null, not empty.
	for _, name := range []string{"verda_instance_type", "tensordock_hostnode_id", "tensordock_vcpu_count", "bluelobster_region"} {
		if !attrs[name].IsNull() {
			t.Errorf("%s: %v, want null", name, attrs[name])
		}
	}
}

func TestGPUOffersParity(t *testing.T) { modeltest.DataSourceParity(t, NewDataSource(), &model{}) }
