package verda

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestClusterFromAPI(t *testing.T) {
	existing := stringSetValue([]string{"vol-old"})
	prior := clusterModel{ExistingVolumeIDs: existing, SharedVolumeOnDestroy: types.StringValue("keep"), Tags: types.MapNull(types.StringType),
		SSHKeyIDs: types.SetUnknown(types.StringType), StartupScriptID: types.StringNull()}
	c := &api.Cluster{ID: "c-1", Status: "running", IP: "203.0.113.9", Hostname: "train", ClusterType: "16H200", Location: "FIN-01",
		Image: "ubuntu-22.04-cuda-12.4-cluster", PricePerHour: 59.2, SSHKeyIDs: []string{"k"},
		WorkerNodes:   []api.WorkerNode{{ID: "1", Hostname: "worker-1", PrivateIP: "10.0.0.11"}},
		SharedVolumes: []api.ClusterVolume{{ID: "vol-new", Name: "home", MountPoint: "/home", SizeInGigabytes: 100}, {ID: "vol-old", MountPoint: "/mnt/old"}}}
	m := clusterFromAPI(c, prior)
	var nodes []workerNodeModel
	m.WorkerNodes.ElementsAs(context.Background(), &nodes, false)
	if m.IP.ValueString() != "203.0.113.9" || len(nodes) != 1 || nodes[0].PrivateIP != "10.0.0.11" || m.PricePerHour.ValueFloat64() != 59.2 ||
		m.SharedVolumeOnDestroy.ValueString() != "keep" || m.Image.ValueString() != c.Image || len(m.SSHKeyIDs.Elements()) != 1 {
		t.Errorf("%+v", m)
	}
	if m.SharedVolume == nil || m.SharedVolume.Size.ValueInt64() != 100 {
		t.Errorf("an import takes the /home volume as the shared volume: %+v", m.SharedVolume)
	}
	if got := m.createdSharedVolumes(context.Background()); len(got) != 1 || got[0] != "vol-new" {
		t.Errorf("only the volume made with the cluster may be deleted with it: %v", got)
	}
}

func TestClusterParity(t *testing.T) {
	modeltest.ResourceParity(t, NewClusterResource(), &clusterModel{})
}
