package verda

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestJobFromAPI(t *testing.T) {
	j := &api.Job{Name: "batch", Containers: []api.Container{{Name: "batch-0", Image: "ghcr.io/a/b:1", ExposedPort: 80}},
		Compute: api.Compute{Name: "H100", Size: 2}, EndpointBaseURL: "https://containers.datacrunch.io/batch",
		RegistrySettings: api.RegistrySettings{IsPrivate: true, Credentials: &api.CredentialsName{Name: "ghcr"}}}
	m := jobFromAPI(j, &api.JobScaling{MaxReplicaCount: 3, QueueMessageTTLSeconds: 300, DeadlineSeconds: 3600}, "ready", jobModel{})
	if m.ID.ValueString() != "batch" || m.Containers[0].Name.ValueString() != "batch-0" || m.Compute.Size.ValueInt64() != 2 ||
		m.RegistryCredentials.ValueString() != "ghcr" || m.Scaling.DeadlineSeconds.ValueInt64() != 3600 || m.Status.ValueString() != "ready" {
		t.Errorf("%+v", m)
	}
	if s := m.Scaling.toAPI(); s != (api.JobScaling{MaxReplicaCount: 3, QueueMessageTTLSeconds: 300, DeadlineSeconds: 3600}) {
		t.Errorf("scaling round trip: %+v", s)
	}
	if m.registrySettings() == nil || jobFromAPI(&api.Job{Name: "x"}, nil, "", jobModel{}).registrySettings() != nil {
		t.Error("a public image sends no registry settings")
	}
}

func TestJobParity(t *testing.T) {
	modeltest.ResourceParity(t, NewServerlessJobResource(), &jobModel{})
}
