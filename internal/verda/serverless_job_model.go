package verda

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type jobModel struct {
	Name                types.String     `tfsdk:"name"`
	Containers          []containerModel `tfsdk:"containers"`
	Compute             *computeModel    `tfsdk:"compute"`
	RegistryCredentials types.String     `tfsdk:"registry_credentials"`
	Scaling             *jobScalingModel `tfsdk:"scaling"`
	Timeouts            timeouts.Value   `tfsdk:"timeouts"`
	ID                  types.String     `tfsdk:"id"`
	EndpointBaseURL     types.String     `tfsdk:"endpoint_base_url"`
	Status              types.String     `tfsdk:"status"`
	CreatedAt           types.String     `tfsdk:"created_at"`
}

type jobScalingModel struct {
	MaxReplicas            types.Int64 `tfsdk:"max_replicas"`
	QueueMessageTTLSeconds types.Int64 `tfsdk:"queue_message_ttl_seconds"`
	DeadlineSeconds        types.Int64 `tfsdk:"deadline_seconds"`
}

func (s *jobScalingModel) toAPI() api.JobScaling {
	if s == nil {
		return api.JobScaling{}
	}
	return api.JobScaling{MaxReplicaCount: s.MaxReplicas.ValueInt64(), QueueMessageTTLSeconds: s.QueueMessageTTLSeconds.ValueInt64(), DeadlineSeconds: s.DeadlineSeconds.ValueInt64()}
}

// jobFromAPI fills the model from the job, its scaling and status, the way a
// deployment's containers are read.
func jobFromAPI(j *api.Job, scaling *api.JobScaling, status string, prior jobModel) jobModel {
	d := deploymentFromAPI(&api.Deployment{Name: j.Name, RegistrySettings: j.RegistrySettings, Containers: j.Containers, Compute: j.Compute,
		EndpointBaseURL: j.EndpointBaseURL, CreatedAt: j.CreatedAt}, nil, status, 0, deploymentModel{Containers: prior.Containers})
	m := prior
	m.ID, m.Name, m.EndpointBaseURL, m.CreatedAt, m.Status = d.ID, d.Name, d.EndpointBaseURL, d.CreatedAt, d.Status
	m.Containers, m.Compute, m.RegistryCredentials = d.Containers, d.Compute, d.RegistryCredentials
	if scaling != nil {
		m.Scaling = &jobScalingModel{MaxReplicas: types.Int64Value(scaling.MaxReplicaCount),
			QueueMessageTTLSeconds: types.Int64Value(scaling.QueueMessageTTLSeconds), DeadlineSeconds: types.Int64Value(scaling.DeadlineSeconds)}
	}
	return m
}

// registrySettings are sent only for a private image.
func (m jobModel) registrySettings() *api.RegistrySettings {
	if m.RegistryCredentials.IsNull() || m.RegistryCredentials.ValueString() == "" {
		return nil
	}
	settings := registrySettings(m.RegistryCredentials)
	return &settings
}
