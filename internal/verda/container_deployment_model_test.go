package verda

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestDeploymentRoundTrip(t *testing.T) {
	ctx := context.Background()
	null := types.StringNull()
	configured := containerModel{
		Image: types.StringValue("ghcr.io/acme/vllm:0.6.1"), ExposedPort: types.Int64Value(8000), UseCachedImage: types.BoolValue(false),
		Healthcheck: &healthcheckModel{Port: types.Int64Value(8000), Path: types.StringValue("/health")},
		Entrypoint:  types.ListNull(types.StringType), Cmd: stringList([]string{"--model", "m"}),
		Env: []envModel{{Name: types.StringValue("T"), Value: null, Secret: types.StringValue("hf-token")}, {Name: types.StringValue("L"), Value: types.StringValue("info"), Secret: null}},
		VolumeMounts: []volumeMountModel{{Type: types.StringValue("shared"), MountPath: types.StringValue("/models"), SecretName: null,
			VolumeID: types.StringValue("vol-1"), SizeInMB: types.Int64Null()}},
	}
	sent, diags := apiContainers(ctx, []containerModel{configured}, []string{"llm-0"})
	if diags.HasError() {
		t.Fatal(diags)
	}
	if c := sent[0]; c.Name != "llm-0" || *c.ShouldUseCachedImage || c.EntrypointOverrides == nil || !c.EntrypointOverrides.Enabled ||
		c.Env[0] != (api.EnvVar{Name: "T", ValueOrReferenceToSecret: "hf-token", Type: "secret"}) || c.Env[1].Type != "plain" || !c.Healthcheck.Enabled {
		t.Errorf("sent %+v", c)
	}
	// The answer carries a mount nobody sent and omits the shared volume's ID.
	answer := sent[0]
	answer.VolumeMounts = []api.VolumeMount{{Type: "shared", MountPath: "/models"}, {Type: "scratch", MountPath: "/tmp/extra"}}
	got := containerFromAPI(answer, &configured)
	configured.Name = types.StringValue("llm-0")
	if !reflect.DeepEqual(got, configured) {
		t.Errorf("read back:\n%+v\nwant\n%+v", got, configured)
	}
	s := scalingModel{MinReplicas: types.Int64Value(0), MaxReplicas: types.Int64Value(3), ScaleUpDelaySeconds: types.Int64Value(0),
		ScaleDownDelaySeconds: types.Int64Value(300), QueueMessageTTLSeconds: types.Int64Value(300), ConcurrentRequests: types.Int64Value(2),
		QueueLoadThreshold: types.Float64Value(1), CPUUtilizationThreshold: types.Float64Null(), GPUUtilizationThreshold: types.Float64Value(90)}
	wire := s.toAPI()
	if wire.ScalingTriggers.CPUUtilization.Enabled || !wire.ScalingTriggers.GPUUtilization.Enabled || wire.MinReplicaCount != 0 {
		t.Errorf("every trigger is sent, the unset ones disabled: %+v", wire)
	}
	if back := scalingFromAPI(&wire); !reflect.DeepEqual(wire, back.toAPI()) || !back.CPUUtilizationThreshold.IsNull() {
		t.Errorf("scaling round trip: %+v", back)
	}
}

func TestDeploymentParity(t *testing.T) {
	modeltest.ResourceParity(t, NewContainerDeploymentResource(), &deploymentModel{})
}
