package nova

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
)

func TestPricingParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewPricingDataSource(), &pricingModel{})
}
