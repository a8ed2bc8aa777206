package api_test

import (
	"context"
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	simtd "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/tensordock"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
)

// documented is every request the client sends, as document 001 and the
// supplement give them: useDedicatedIp is a [field] fact, the power,
// delete, modify and secret calls [doc] facts of the supplement.
var documented = acctest.Documented{
	"POST /instances": {Fields: []string{
		"data.type", "data.attributes.name", "data.attributes.type", "data.attributes.image", "data.attributes.hostnode_id",
		"data.attributes.resources.vcpu_count", "data.attributes.resources.ram_gb", "data.attributes.resources.storage_gb",
		"data.attributes.resources.gpus.*.count", "data.attributes.port_forwards[].internal_port", "data.attributes.port_forwards[].external_port",
		"data.attributes.ssh_key_id", "data.attributes.ssh_key", "data.attributes.cloud_init.runcmd[]", "data.attributes.cloud_init.packages[]",
		"data.attributes.cloud_init.package_update", "data.attributes.cloud_init.package_upgrade", "data.attributes.useDedicatedIp",
	}},
	"GET /instances":             {},
	"GET /instances/{id}":        {},
	"POST /instances/{id}/start": {},
	"POST /instances/{id}/stop":  {},
	"PUT /instances/{id}/modify": {Fields: []string{"cpuCores", "ramGb", "diskGb", "gpus.gpuV0Name", "gpus.count"}},
	"DELETE /instances/{id}":     {},
	"GET /secrets":               {},
	"POST /secrets":              {Fields: []string{"data.type", "data.attributes.name", "data.attributes.value", "data.attributes.type"}},
	"GET /secrets/{id}":          {},
	"DELETE /secrets/{id}":       {},
	"GET /hostnodes":             {},
	"GET /hostnodes/{id}":        {},
	"GET /locations":             {},
}

// Every call the client makes, with every optional field set, carries only
// what the documents name; location_id, which no document names, is sent
// only when a configuration asks for it and so is not sent here.
func TestRequestsAreDocumented(t *testing.T) {
	s, rec := acctest.StartRecordingSim(t)
	s.TensorDock.UpdateSwitches(func(sw *simtd.Switches) { sw.RateLimits = false })
	c, err := api.New(api.Config{Endpoint: s.TensorDockEndpoint(), Token: simtd.DefaultToken})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	must := func(err error) { t.Helper(); acctest.Must(t, err) }
	secret, err := c.CreateSSHKey(ctx, "k", key)
	must(err)
	_, err = c.GetSecret(ctx, secret)
	must(err)
	_, err = c.ListSSHKeys(ctx)
	must(err)
	node := "4b1e0c5a-0000-4000-8000-0000000000a1"
	withKeyID, err := c.CreateInstance(ctx, api.CreateAttributes{
		Name: "documented", Image: "ubuntu2404", HostnodeID: node, SSHKeyID: secret, DedicatedIP: true,
		Resources:    api.Resources{VCPUCount: 4, RAMGB: 16, StorageGB: 200, GPUs: map[string]api.GPUAllocation{"h100-sxm5-80gb": {Count: 1}}},
		PortForwards: []api.PortForward{{InternalPort: 22, ExternalPort: 20022}},
		CloudInit:    &api.CloudInit{RunCmd: []string{"true"}, Packages: []string{"git"}, PackageUpdate: true, PackageUpgrade: true},
	})
	must(err)
	withKey := create(t, c, "documented-2")
	_, err = c.GetInstance(ctx, withKeyID)
	must(err)
	_, err = c.ListInstances(ctx)
	must(err)
	acctest.Eventually(t, "running", func() bool {
		i, err := c.GetInstance(ctx, withKeyID)
		return err == nil && i.Status == api.StatusRunning
	})
	must(c.StopInstance(ctx, withKeyID))
	acctest.Eventually(t, "stopped", func() bool { i, err := c.GetInstance(ctx, withKeyID); return err == nil && i.IsStopped() })
	must(c.ModifyInstance(ctx, withKeyID, api.ModifyRequest{CPUCores: 8, RAMGB: 32, DiskGB: 250, GPUs: &api.ModifyGPUs{GPUV0Name: "h100-sxm5-80gb", Count: 2}}))
	must(c.StartInstance(ctx, withKeyID))
	for _, id := range []string{withKeyID, withKey} {
		must(c.DeleteInstance(ctx, id))
	}
	must(c.DeleteSecret(ctx, secret))
	_, err = c.ListHostnodes(ctx)
	must(err)
	_, err = c.GetHostnode(ctx, node)
	must(err)
	_, err = c.ListLocations(ctx)
	must(err)
	rec.CheckDocumented(t, simtd.Prefix, documented)
}
