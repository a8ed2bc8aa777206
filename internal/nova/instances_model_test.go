package nova

import (
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
)

func TestInstancesFromAPI(t *testing.T) {
	all := []api.VM{
		{ID: "c", InstanceLabel: "nova-1003", Status: "running", Node: "vm02", GPUType: "4090"},
		{ID: "a", InstanceLabel: "nova-1001", Status: "running", Node: "vm01", GPUType: "5090", GPUCount: 2, VMID: 1001,
			TemplateVMID: 101, RentalType: "reserved", HourlyRate: 1.5, IPAddress: "203.0.113.9"},
		{ID: "b", InstanceLabel: "nova-1002", Status: "interrupted", Node: "vm01", GPUType: "4090"},
	}
	ids := func(ms []instanceData) (out []string) {
		for _, m := range ms {
			out = append(out, m.ID)
		}
		return out
	}
	null := types.StringNull()
	for _, tc := range []struct {
		filter instancesModel
		want   []string
	}{
		{instancesModel{NameRegex: null, Status: null, Node: null, GPUType: null}, []string{"a", "b", "c"}},
		{instancesModel{NameRegex: types.StringValue("100[12]$"), Status: null, Node: null, GPUType: null}, []string{"a", "b"}},
		{instancesModel{NameRegex: null, Status: types.StringValue("interrupted"), Node: null, GPUType: null}, []string{"b"}},
		{instancesModel{NameRegex: null, Status: null, Node: types.StringValue("VM01"), GPUType: types.StringValue("4090")}, []string{"b"}},
	} {
		if got := ids(instancesFromAPI(all, tc.filter)); !slices.Equal(got, tc.want) {
			t.Errorf("%+v: got %v, want %v", tc.filter, got, tc.want)
		}
	}
	a := instancesFromAPI(all, instancesModel{})[0]
	if a.VMID != 1001 || a.TemplateVMID != 101 || a.RentalType != "reserved" || a.PricePerHour != 1.5 || a.GPUCount != 2 || a.IPAddress != "203.0.113.9" {
		t.Errorf("fields not carried: %+v", a)
	}
	if instancesFromAPI(nil, instancesModel{}) == nil {
		t.Error("no VMs must be an empty list, not null")
	}
}

func TestInstancesParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewInstancesDataSource(), &instancesModel{})
}
