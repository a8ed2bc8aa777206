package novitai

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/novitai/api"
)

func reportedInstance() *api.Instance {
	i := &api.Instance{ID: "inst-1", Name: "gpu", Status: api.StatusRunning, GPUNum: 2, Region: "EU-WEST-01",
		PortMappings: []api.PortMapping{{Port: 22, Endpoint: "203.0.113.7:30022", Type: "ssh"}}}
	i.ConnectionDetails.Jupyter = "http://203.0.113.7:8888"
	return i
}

func TestInstanceFromAPI(t *testing.T) {
	prior := instanceModel{
		ProductName: types.StringValue("gpu-basic"), TemplateID: types.StringValue("tmpl-ubuntu-2204"), RootfsSize: types.Int64Value(80),
		WebhookURL: types.StringValue("https://example.com/hook"), BillingMode: types.StringValue("on_demand"),
		PowerState: types.StringValue(powerRunning), GPUNum: types.Int64Value(2), EstimatedReadyTime: types.StringUnknown(),
	}
	got := instanceFromAPI(reportedInstance(), prior)
	if got.ProductName.ValueString() != "gpu-basic" || got.TemplateID.ValueString() != "tmpl-ubuntu-2204" || got.RootfsSize.ValueInt64() != 80 ||
		got.WebhookURL.ValueString() != "https://example.com/hook" || got.BillingMode.ValueString() != "on_demand" {
		t.Errorf("arguments novitai does not report keep the prior values: %+v", got)
	}
	if !got.EstimatedReadyTime.IsNull() {
		t.Errorf("an unknown estimate becomes null: %s", got.EstimatedReadyTime)
	}
	if len(got.PortMappings.Elements()) != 1 || got.ConnectionDetails.Attributes()["jupyter"].(types.String).ValueString() != "http://203.0.113.7:8888" ||
		!got.ConnectionDetails.Attributes()["ssh"].IsNull() || !got.CreatedAt.IsNull() {
		t.Errorf("reported values, empty ones null: %+v", got)
	}
	// The list of instances leaves the GPU count out: the prior one stays.
	listed := reportedInstance()
	listed.GPUNum = 0
	if got := instanceFromAPI(listed, prior); got.GPUNum.ValueInt64() != 2 {
		t.Errorf("gpu_num %s, want the prior value", got.GPUNum)
	}
	// Real drift: stopped in the console; a transition keeps the prior state.
	stopped := reportedInstance()
	stopped.Status = api.StatusStopped
	if got := instanceFromAPI(stopped, prior); got.PowerState.ValueString() != powerStopped {
		t.Errorf("a stop made elsewhere is drift: %s", got.PowerState)
	}
	starting := reportedInstance()
	starting.Status = api.StatusStarting
	if got := instanceFromAPI(starting, prior); got.PowerState.ValueString() != powerRunning || got.Status.ValueString() != api.StatusStarting {
		t.Errorf("transition: %s %s", got.PowerState, got.Status)
	}
}

func TestInstanceDataFromAPI(t *testing.T) {
	got := instanceDataFromAPI(reportedInstance())
	if got.ID.ValueString() != "inst-1" || got.GPUNum.ValueInt64() != 2 || got.Region.ValueString() != "EU-WEST-01" ||
		got.Status.ValueString() != api.StatusRunning || len(got.PortMappings.Elements()) != 1 {
		t.Errorf("%+v", got)
	}
}

func TestInstanceParity(t *testing.T) {
	modeltest.ResourceParity(t, NewInstanceResource(), &instanceModel{})
	modeltest.DataSourceParity(t, NewInstanceDataSource(), &instanceData{})
}

func TestSetCreated(t *testing.T) {
	var m instanceModel
	m.setCreated(api.Created{InstanceID: "inst-1", EstimatedReadyTime: "2026-12-01T10:00:00Z", NovitaInstanceID: "nv-9", ProductID: "prod-gpu-basic", SpotPrice: 0.45})
	if m.NovitaInstanceID.ValueString() != "nv-9" || m.ProductID.ValueString() != "prod-gpu-basic" || m.SpotPrice.ValueFloat64() != 0.45 ||
		m.EstimatedReadyTime.ValueString() != "2026-12-01T10:00:00Z" {
		t.Errorf("%+v", m)
	}
	m.setCreated(api.Created{InstanceID: "inst-2"})
	if !m.NovitaInstanceID.IsNull() || !m.ProductID.IsNull() || !m.SpotPrice.IsNull() || !m.EstimatedReadyTime.IsNull() {
		t.Errorf("what the answer does not give is null: %+v", m)
	}
}
