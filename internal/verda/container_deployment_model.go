package verda

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type deploymentModel struct {
	Name                types.String     `tfsdk:"name"`
	Containers          []containerModel `tfsdk:"containers"`
	Compute             *computeModel    `tfsdk:"compute"`
	IsSpot              types.Bool       `tfsdk:"is_spot"`
	RegistryCredentials types.String     `tfsdk:"registry_credentials"`
	Scaling             *scalingModel    `tfsdk:"scaling"`
	Timeouts            timeouts.Value   `tfsdk:"timeouts"`
	ID                  types.String     `tfsdk:"id"`
	EndpointBaseURL     types.String     `tfsdk:"endpoint_base_url"`
	Status              types.String     `tfsdk:"status"`
	Replicas            types.Int64      `tfsdk:"replicas"`
	CreatedAt           types.String     `tfsdk:"created_at"`
}

type containerModel struct {
	Name           types.String       `tfsdk:"name"`
	Image          types.String       `tfsdk:"image"`
	ExposedPort    types.Int64        `tfsdk:"exposed_port"`
	UseCachedImage types.Bool         `tfsdk:"use_cached_image"`
	Healthcheck    *healthcheckModel  `tfsdk:"healthcheck"`
	Entrypoint     types.List         `tfsdk:"entrypoint"`
	Cmd            types.List         `tfsdk:"cmd"`
	Env            []envModel         `tfsdk:"env"`
	VolumeMounts   []volumeMountModel `tfsdk:"volume_mounts"`
}

type healthcheckModel struct {
	Port types.Int64  `tfsdk:"port"`
	Path types.String `tfsdk:"path"`
}

type envModel struct {
	Name   types.String `tfsdk:"name"`
	Value  types.String `tfsdk:"value"`
	Secret types.String `tfsdk:"secret"`
}

type volumeMountModel struct {
	Type       types.String `tfsdk:"type"`
	MountPath  types.String `tfsdk:"mount_path"`
	SecretName types.String `tfsdk:"secret_name"`
	VolumeID   types.String `tfsdk:"volume_id"`
	SizeInMB   types.Int64  `tfsdk:"size_in_mb"`
}

type computeModel struct {
	Name types.String `tfsdk:"name"`
	Size types.Int64  `tfsdk:"size"`
}

type scalingModel struct {
	MinReplicas             types.Int64   `tfsdk:"min_replicas"`
	MaxReplicas             types.Int64   `tfsdk:"max_replicas"`
	ScaleUpDelaySeconds     types.Int64   `tfsdk:"scale_up_delay_seconds"`
	ScaleDownDelaySeconds   types.Int64   `tfsdk:"scale_down_delay_seconds"`
	QueueMessageTTLSeconds  types.Int64   `tfsdk:"queue_message_ttl_seconds"`
	ConcurrentRequests      types.Int64   `tfsdk:"concurrent_requests_per_replica"`
	QueueLoadThreshold      types.Float64 `tfsdk:"queue_load_threshold"`
	CPUUtilizationThreshold types.Float64 `tfsdk:"cpu_utilization_threshold"`
	GPUUtilizationThreshold types.Float64 `tfsdk:"gpu_utilization_threshold"`
}

// apiContainers are the configured containers as the API takes them; names
// are those of the deployed containers, by position, for a PATCH.
func apiContainers(ctx context.Context, cs []containerModel, names []string) ([]api.Container, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := make([]api.Container, 0, len(cs))
	for i, c := range cs {
		cached := c.UseCachedImage.ValueBool()
		ac := api.Container{Image: c.Image.ValueString(), ExposedPort: c.ExposedPort.ValueInt64(), ShouldUseCachedImage: &cached}
		if i < len(names) {
			ac.Name = names[i]
		}
		if c.Healthcheck != nil {
			ac.Healthcheck = &api.Healthcheck{Enabled: true, Port: c.Healthcheck.Port.ValueInt64(), Path: c.Healthcheck.Path.ValueString()}
		}
		var entrypoint, cmd []string
		diags.Append(c.Entrypoint.ElementsAs(ctx, &entrypoint, true)...)
		diags.Append(c.Cmd.ElementsAs(ctx, &cmd, true)...)
		if len(entrypoint) > 0 || len(cmd) > 0 {
			ac.EntrypointOverrides = &api.EntrypointOverrides{Enabled: true, Entrypoint: entrypoint, Cmd: cmd}
		}
		for _, e := range c.Env {
			v := api.EnvVar{Name: e.Name.ValueString(), ValueOrReferenceToSecret: e.Value.ValueString(), Type: "plain"}
			if !e.Secret.IsNull() {
				v.ValueOrReferenceToSecret, v.Type = e.Secret.ValueString(), "secret"
			}
			ac.Env = append(ac.Env, v)
		}
		for _, m := range c.VolumeMounts {
			ac.VolumeMounts = append(ac.VolumeMounts, api.VolumeMount{Type: m.Type.ValueString(), MountPath: m.MountPath.ValueString(),
				SecretName: m.SecretName.ValueString(), VolumeID: m.VolumeID.ValueString(), SizeInMB: m.SizeInMB.ValueInt64()})
		}
		out = append(out, ac)
	}
	return out, diags
}

func (s *scalingModel) toAPI() api.Scaling {
	if s == nil {
		return api.Scaling{}
	}
	util := func(v types.Float64) api.Utilization {
		return api.Utilization{Enabled: !v.IsNull(), Threshold: api.Number(v.ValueFloat64())}
	}
	return api.Scaling{
		MinReplicaCount: s.MinReplicas.ValueInt64(), MaxReplicaCount: s.MaxReplicas.ValueInt64(),
		ScaleUpPolicy: api.DelayPolicy{DelaySeconds: s.ScaleUpDelaySeconds.ValueInt64()}, ScaleDownPolicy: api.DelayPolicy{DelaySeconds: s.ScaleDownDelaySeconds.ValueInt64()},
		QueueMessageTTLSeconds: s.QueueMessageTTLSeconds.ValueInt64(), ConcurrentRequestsPerReplica: s.ConcurrentRequests.ValueInt64(),
		ScalingTriggers: api.ScalingTriggers{QueueLoad: api.QueueLoad{Threshold: api.Number(s.QueueLoadThreshold.ValueFloat64())},
			CPUUtilization: util(s.CPUUtilizationThreshold), GPUUtilization: util(s.GPUUtilizationThreshold)},
	}
}

func scalingFromAPI(s *api.Scaling) *scalingModel {
	util := func(u api.Utilization) types.Float64 {
		if !u.Enabled {
			return types.Float64Null()
		}
		return types.Float64Value(float64(u.Threshold))
	}
	return &scalingModel{
		MinReplicas: types.Int64Value(s.MinReplicaCount), MaxReplicas: types.Int64Value(s.MaxReplicaCount),
		ScaleUpDelaySeconds: types.Int64Value(s.ScaleUpPolicy.DelaySeconds), ScaleDownDelaySeconds: types.Int64Value(s.ScaleDownPolicy.DelaySeconds),
		QueueMessageTTLSeconds: types.Int64Value(s.QueueMessageTTLSeconds), ConcurrentRequests: types.Int64Value(s.ConcurrentRequestsPerReplica),
		QueueLoadThreshold:      types.Float64Value(float64(s.ScalingTriggers.QueueLoad.Threshold)),
		CPUUtilizationThreshold: util(s.ScalingTriggers.CPUUtilization), GPUUtilizationThreshold: util(s.ScalingTriggers.GPUUtilization),
	}
}

// deploymentFromAPI fills the model from the deployment, its scaling, status
// and replicas. Volume mounts the answer carries beyond the configured ones
// are left out, and a volume_id it omits is kept, as the supplement warns.
func deploymentFromAPI(d *api.Deployment, scaling *api.Scaling, status string, replicas int, prior deploymentModel) deploymentModel {
	m := prior
	m.ID, m.Name = types.StringValue(d.Name), types.StringValue(d.Name)
	m.EndpointBaseURL, m.CreatedAt = types.StringValue(d.EndpointBaseURL), types.StringValue(d.CreatedAt)
	m.Status, m.Replicas = types.StringValue(status), types.Int64Value(int64(replicas))
	m.IsSpot = types.BoolValue(d.IsSpot)
	m.Compute = &computeModel{Name: types.StringValue(d.Compute.Name), Size: types.Int64Value(d.Compute.Size)}
	m.RegistryCredentials = types.StringNull()
	if d.RegistrySettings.Credentials != nil && d.RegistrySettings.Credentials.Name != "" {
		m.RegistryCredentials = types.StringValue(d.RegistrySettings.Credentials.Name)
	}
	if scaling != nil {
		m.Scaling = scalingFromAPI(scaling)
	}
	containers := make([]containerModel, 0, len(d.Containers))
	for i, c := range d.Containers {
		var was *containerModel
		if i < len(prior.Containers) {
			was = &prior.Containers[i]
		}
		containers = append(containers, containerFromAPI(c, was))
	}
	m.Containers = containers
	return m
}

func containerFromAPI(c api.Container, was *containerModel) containerModel {
	m := containerModel{Name: types.StringValue(c.Name), Image: types.StringValue(c.Image), ExposedPort: types.Int64Value(c.ExposedPort),
		UseCachedImage: types.BoolValue(c.ShouldUseCachedImage == nil || *c.ShouldUseCachedImage),
		Entrypoint:     types.ListNull(types.StringType), Cmd: types.ListNull(types.StringType)}
	if c.Healthcheck != nil && c.Healthcheck.Enabled {
		m.Healthcheck = &healthcheckModel{Port: types.Int64Value(c.Healthcheck.Port), Path: types.StringValue(c.Healthcheck.Path)}
	}
	if o := c.EntrypointOverrides; o != nil && o.Enabled {
		if len(o.Entrypoint) > 0 {
			m.Entrypoint = stringList(o.Entrypoint)
		}
		if len(o.Cmd) > 0 {
			m.Cmd = stringList(o.Cmd)
		}
	}
	for _, e := range c.Env {
		env := envModel{Name: types.StringValue(e.Name), Value: types.StringValue(e.ValueOrReferenceToSecret), Secret: types.StringNull()}
		if e.Type == "secret" {
			env.Value, env.Secret = types.StringNull(), types.StringValue(e.ValueOrReferenceToSecret)
		}
		m.Env = append(m.Env, env)
	}
	var configured []volumeMountModel
	if was != nil {
		configured = was.VolumeMounts
	}
	for _, v := range c.VolumeMounts {
		n := slices.IndexFunc(configured, func(p volumeMountModel) bool {
			return p.Type.ValueString() == v.Type && p.MountPath.ValueString() == v.MountPath
		})
		if was != nil && n < 0 {
			continue
		}
		mount := volumeMountModel{Type: types.StringValue(v.Type), MountPath: types.StringValue(v.MountPath), SecretName: nullIfEmpty(v.SecretName),
			VolumeID: nullIfEmpty(v.VolumeID), SizeInMB: types.Int64Null()}
		if v.SizeInMB > 0 {
			mount.SizeInMB = types.Int64Value(v.SizeInMB)
		}
		if n >= 0 && mount.VolumeID.IsNull() {
			mount.VolumeID = configured[n].VolumeID
		}
		m.VolumeMounts = append(m.VolumeMounts, mount)
	}
	return m
}
