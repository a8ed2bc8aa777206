package verda

import (
	"context"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/pending"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

const (
	deploymentCreateTimeout = 30 * time.Minute
	deploymentUpdateTimeout = 30 * time.Minute
	deploymentDeleteTimeout = 10 * time.Minute
	deploymentLogLines      = 10
)

// NewContainerDeploymentResource is gpucloud_verda_container_deployment.
func NewContainerDeploymentResource() resource.Resource {
	return &deploymentResource{Kind: crud.Kind{Name: "verda_container_deployment", ImportParts: []string{"id"}}}
}

type deploymentResource struct {
	clientHolder
	crud.Kind
}

func (r *deploymentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Verda serverless container deployment: containers served at `endpoint_base_url`, scaled on queue " +
			"load, CPU and GPU use. Everything but `name` and the number of containers changes in place (a PATCH of the " +
			"deployment and of its scaling); create and update wait until it is `healthy`, and `unhealthy`, `quota_reached` or " +
			"an image still pulling when the timeout ends fail with the status and Verda's last system log lines. The calls " +
			"come from Verda's official clients (`/container-deployments`), not document 002.",
		Attributes: map[string]schema.Attribute{
			"id":   schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "The deployment's name."},
			"name": serverlessNameAttribute("deployment"),
			"containers": schema.ListNestedAttribute{
				Required: true, Validators: []validator.List{listvalidator.SizeAtLeast(1)},
				PlanModifiers: []planmodifier.List{listplanmodifier.RequiresReplaceIf(containerCountChanges,
					"Changing the number of containers replaces the deployment.", "Changing the number of containers replaces the deployment.")},
				MarkdownDescription: "The containers, at least one, changed in place; adding or removing one replaces the deployment, " +
					"since Verda changes only containers it already has.",
				NestedObject: schema.NestedAttributeObject{Attributes: containerAttributes()},
			},
			"compute": schema.SingleNestedAttribute{
				Required: true, MarkdownDescription: "What each replica runs on, checked at plan against `gpucloud_verda_serverless_compute`. Changed in place.",
				Attributes: map[string]schema.Attribute{
					"name": schema.StringAttribute{Required: true, MarkdownDescription: "Compute name, such as `H100` or `General Compute`."},
					"size": schema.Int64Attribute{Required: true, Validators: []validator.Int64{int64validator.AtLeast(1)}, MarkdownDescription: "How many GPUs per replica."},
				},
			},
			"is_spot": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Run on spot capacity, cheaper and interruptible. Defaults to `false`. Changed in place.",
			},
			"registry_credentials": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Name of a `gpucloud_verda_container_registry_credentials` to pull a private image with. Unset by default: a public image. Changed in place.",
			},
			"scaling":  scalingAttribute(),
			"timeouts": sharedschema.Timeouts(ctx, deploymentCreateTimeout, deploymentUpdateTimeout, deploymentDeleteTimeout),
			"endpoint_base_url": schema.StringAttribute{
				Computed: true, PlanModifiers: keep, MarkdownDescription: "Where the deployment answers, such as `https://containers.datacrunch.io/<name>`.",
			},
			"status":     schema.StringAttribute{Computed: true, MarkdownDescription: "Verda's status, such as `healthy`."},
			"replicas":   schema.Int64Attribute{Computed: true, MarkdownDescription: "Replicas running at the last read."},
			"created_at": schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "When it was created."},
		},
	}
	planmod.NoteReplacements(ctx, &resp.Schema, "deployment")
}

func containerCountChanges(_ context.Context, req planmodifier.ListRequest, resp *listplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !req.StateValue.IsNull() && !req.PlanValue.IsUnknown() && len(req.StateValue.Elements()) != len(req.PlanValue.Elements())
}

func containerAttributes() map[string]schema.Attribute {
	strs := func(desc string) schema.Attribute {
		return schema.ListAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: desc}
	}
	return map[string]schema.Attribute{
		"name": schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			MarkdownDescription: "The name Verda gave the container."},
		"image": schema.StringAttribute{
			Required: true, Validators: []validator.String{validate.ImageTag()},
			MarkdownDescription: "Image with an explicit tag or digest; `latest` and an untagged image are refused at plan, as Verda refuses them.",
		},
		"exposed_port": schema.Int64Attribute{Required: true, Validators: []validator.Int64{int64validator.Between(1, 65535)}, MarkdownDescription: "The port the container serves on."},
		"use_cached_image": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true),
			MarkdownDescription: "Start from Verda's cached copy of the image. Defaults to `true`."},
		"healthcheck": schema.SingleNestedAttribute{
			Optional: true, MarkdownDescription: "An HTTP health check. Unset by default: none.",
			Attributes: map[string]schema.Attribute{
				"port": schema.Int64Attribute{Required: true, Validators: []validator.Int64{int64validator.Between(1, 65535)}, MarkdownDescription: "Port."},
				"path": schema.StringAttribute{Required: true, Validators: []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(`^/`), "must start with /")}, MarkdownDescription: "Path, such as `/health`."},
			},
		},
		"entrypoint": strs("Overrides the image's entrypoint. Unset by default: the image's."),
		"cmd":        strs("Overrides the image's command. Unset by default: the image's."),
		"env": schema.ListNestedAttribute{
			Optional: true, MarkdownDescription: "Environment variables: a plain `value`, or the name of a `gpucloud_verda_secret` in `secret`.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"name": schema.StringAttribute{Required: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)}, MarkdownDescription: "Variable name."},
				"value": schema.StringAttribute{Optional: true, Validators: []validator.String{
					stringvalidator.ExactlyOneOf(path.MatchRelative().AtParent().AtName("secret"))}, MarkdownDescription: "A plain value. Exactly one of `value` and `secret`."},
				"secret": schema.StringAttribute{Optional: true, MarkdownDescription: "The name of a secret whose value the variable takes."},
			}},
		},
		"volume_mounts": schema.ListNestedAttribute{
			Optional: true, MarkdownDescription: "Mounts: `scratch` (mount_path), `secret` (mount_path, secret_name of a file secret), " +
				"`shared` (mount_path, volume_id of a shared-filesystem volume), `memory` (mount_path `/dev/shm`, size_in_mb 64 to 32768 in powers of two); checked at plan.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"type":        schema.StringAttribute{Required: true, Validators: []validator.String{stringvalidator.OneOf("scratch", "secret", "shared", "memory")}, MarkdownDescription: "`scratch`, `secret`, `shared` or `memory`."},
				"mount_path":  schema.StringAttribute{Required: true, MarkdownDescription: "Where it is mounted."},
				"secret_name": schema.StringAttribute{Optional: true, MarkdownDescription: "A `gpucloud_verda_file_secret` (`secret` mounts)."},
				"volume_id":   schema.StringAttribute{Optional: true, MarkdownDescription: "A shared-filesystem `gpucloud_verda_volume` (`shared` mounts)."},
				"size_in_mb":  schema.Int64Attribute{Optional: true, Validators: []validator.Int64{int64validator.OneOf(64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768)}, MarkdownDescription: "Size (`memory` mounts)."},
			}},
		},
	}
}

func scalingAttribute() schema.Attribute {
	integer := func(desc string, def int64, min int64) schema.Attribute {
		return schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(def),
			Validators: []validator.Int64{int64validator.AtLeast(min)}, MarkdownDescription: fmt.Sprintf("%s Defaults to `%d`.", desc, def)}
	}
	percent := func(what string) schema.Attribute {
		return schema.Float64Attribute{Optional: true, Validators: []validator.Float64{float64validator.Between(1, 100)},
			MarkdownDescription: "Scale up when " + what + " use passes this percentage. Unset by default: not a trigger."}
	}
	return schema.SingleNestedAttribute{
		Required: true, MarkdownDescription: "How the deployment scales, changed in place (`/scaling`). Every trigger is sent: queue load always, CPU and GPU use when set.",
		Attributes: map[string]schema.Attribute{
			"min_replicas":                    schema.Int64Attribute{Required: true, Validators: []validator.Int64{int64validator.AtLeast(0)}, MarkdownDescription: "Fewest replicas; `0` scales to zero when idle."},
			"max_replicas":                    schema.Int64Attribute{Required: true, Validators: []validator.Int64{int64validator.AtLeast(1)}, MarkdownDescription: "Most replicas, at least `min_replicas` (checked at plan)."},
			"scale_up_delay_seconds":          integer("Seconds to wait before adding replicas.", 0, 0),
			"scale_down_delay_seconds":        integer("Seconds to wait before removing replicas.", 300, 0),
			"queue_message_ttl_seconds":       integer("How long a queued request may wait.", 300, 1),
			"concurrent_requests_per_replica": integer("Requests one replica serves at once.", 1, 1),
			"queue_load_threshold": schema.Float64Attribute{Optional: true, Computed: true, Default: float64default.StaticFloat64(1),
				Validators: []validator.Float64{float64validator.AtLeast(0)}, MarkdownDescription: "Queued requests per replica that add a replica. Defaults to `1`."},
			"cpu_utilization_threshold": percent("CPU"),
			"gpu_utilization_threshold": percent("GPU"),
		},
	}
}

// ValidateConfig checks each mount's fields and the replica bounds.
func (r *deploymentResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	m, ok := crud.Get[deploymentModel](ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	if m.Scaling != nil && !m.Scaling.MinReplicas.IsUnknown() && !m.Scaling.MaxReplicas.IsUnknown() &&
		m.Scaling.MinReplicas.ValueInt64() > m.Scaling.MaxReplicas.ValueInt64() {
		lo, hi := m.Scaling.MinReplicas, m.Scaling.MaxReplicas
		resp.Diagnostics.AddAttributeError(path.Root("scaling").AtName("max_replicas"), "Fewer replicas than the minimum",
			fmt.Sprintf("max_replicas = %d is below min_replicas = %d.", hi.ValueInt64(), lo.ValueInt64()))
	}
	needs := map[string]string{"secret": "secret_name", "shared": "volume_id", "memory": "size_in_mb"}
	for i, c := range m.Containers {
		for j, v := range c.VolumeMounts {
			at := path.Root("containers").AtListIndex(i).AtName("volume_mounts").AtListIndex(j)
			typ := v.Type.ValueString()
			set := map[string]bool{"secret_name": !v.SecretName.IsNull(), "volume_id": !v.VolumeID.IsNull(), "size_in_mb": !v.SizeInMB.IsNull()}
			for field, isSet := range set {
				switch want := needs[typ] == field; {
				case want && !isSet && !v.Type.IsUnknown():
					resp.Diagnostics.AddAttributeError(at.AtName(field), "Missing "+field, fmt.Sprintf("A %s mount needs %s.", typ, field))
				case !want && isSet && !v.Type.IsUnknown():
					resp.Diagnostics.AddAttributeError(at.AtName(field), field+" does not apply", fmt.Sprintf("A %s mount takes no %s.", typ, field))
				}
			}
			if typ == "memory" && !v.MountPath.IsUnknown() && v.MountPath.ValueString() != "/dev/shm" {
				resp.Diagnostics.AddAttributeError(at.AtName("mount_path"), "Memory mounts go to /dev/shm", "A memory mount's mount_path is /dev/shm.")
			}
		}
	}
}

// ModifyPlan checks the compute against Verda's list of serverless compute,
// and warns when a new deployment's name is taken.
func (r *deploymentResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.Client == nil {
		return
	}
	warnNameTaken(ctx, req, resp, "gpucloud_verda_container_deployment", "container deployment", r.deploymentNames)
	plan, ok := crud.Get[deploymentModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok || plan.Compute == nil || plan.Compute.Name.IsUnknown() || plan.Compute.Size.IsUnknown() {
		return
	}
	all, err := r.Client.KnownComputeResources(ctx)
	if err != nil {
		resp.Diagnostics.AddAttributeWarning(path.Root("compute"), "Compute not checked", err.Error())
		return
	}
	name, size := plan.Compute.Name.ValueString(), plan.Compute.Size.ValueInt64()
	var offered []string
	for _, c := range all {
		if c.Name == name && int64(c.Size) == size {
			if !c.IsAvailable {
				resp.Diagnostics.AddAttributeError(path.Root("compute"), "Compute not available",
					fmt.Sprintf("compute = { name = %q, size = %d } is not available now; see gpucloud_verda_serverless_compute.", name, size))
			}
			return
		}
		offered = append(offered, fmt.Sprintf("%s x%d", c.Name, int64(c.Size)))
	}
	resp.Diagnostics.AddAttributeError(path.Root("compute"), "Unknown compute",
		fmt.Sprintf("compute = { name = %q, size = %d } is not Verda serverless compute; it offers %s.", name, size, strings.Join(offered, ", ")))
}

func (r *deploymentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := crud.Get[deploymentModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Create, deploymentCreateTimeout, &resp.Diagnostics)
	defer cancel()
	name := plan.Name.ValueString()
	what := apierr.Describe("Verda", "container deployment", name)
	containers, diags := apiContainers(ctx, plan.Containers, nil)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	body := api.CreateDeploymentRequest{Name: name, RegistrySettings: registrySettings(plan.RegistryCredentials), Containers: containers,
		Compute: api.Compute{Name: plan.Compute.Name.ValueString(), Size: plan.Compute.Size.ValueInt64()}, Scaling: plan.Scaling.toAPI(), IsSpot: plan.IsSpot.ValueBool()}
	err := createNamed(ctx, adopt.Kind{Claims: r.Clients.Claims, Resource: "gpucloud_verda_container_deployment", What: what}, name, r.deploymentNames,
		func(ctx context.Context) error { _, err := r.Client.CreateDeployment(ctx, body); return err })
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	// Saved before the wait: a deployment that never becomes healthy stays tracked, tainted.
	state := pending.State(plan)
	state.ID = types.StringValue(name)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	if err := r.waitHealthy(ctx, name, what); err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
	}
	readCtx, cancelRead := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancelRead()
	m, err := r.read(readCtx, name, state)
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading "+what, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// waitHealthy waits for healthy; a failure or a timeout says the status and
// the last system log lines.
func (r *deploymentResource) waitHealthy(ctx context.Context, name, what string) error {
	floor, ceiling := r.Clients.Poll(time.Second, 10*time.Second)
	opts := wait.Options{Object: what, Target: []string{api.DeploymentHealthy},
		Failure: []string{api.DeploymentUnhealthy, api.DeploymentQuotaReached}, Floor: floor, Ceiling: ceiling}
	_, err := wait.For(ctx, opts, func(ctx context.Context) (*string, error) {
		status, err := r.Client.DeploymentStatus(ctx, name)
		return &status, err
	}, func(s *string) wait.Observation {
		return wait.Observation{State: *s, Message: "see the log lines below"}
	})
	if err == nil {
		return nil
	}
	logCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	lines, logErr := r.Client.SystemLogs(logCtx, name, deploymentLogLines)
	switch {
	case logErr != nil:
		return fmt.Errorf("%w (its system logs could not be read: %v)", err, logErr)
	case len(lines) > 0:
		return fmt.Errorf("%w. Verda's last system log lines:\n  %s", err, strings.Join(lines, "\n  "))
	}
	return err
}

// read reads the deployment whole: itself, its scaling, status and replicas.
func (r *deploymentResource) read(ctx context.Context, name string, prior deploymentModel) (*deploymentModel, error) {
	d, err := r.Client.GetDeployment(ctx, name)
	if err != nil {
		return nil, err
	}
	scaling, err := r.Client.GetScaling(ctx, name)
	if err != nil {
		return nil, err
	}
	status, err := r.Client.DeploymentStatus(ctx, name)
	if err != nil {
		return nil, err
	}
	replicas, err := r.Client.DeploymentReplicas(ctx, name)
	if err != nil {
		return nil, err
	}
	m := deploymentFromAPI(d, scaling, status, len(replicas), prior)
	return &m, nil
}

func (r *deploymentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	crud.Read(ctx, req, resp, crud.Reader[deploymentModel, deploymentModel]{
		What: func(m deploymentModel) string {
			return apierr.Describe("Verda", "container deployment", m.ID.ValueString())
		},
		Read: func(ctx context.Context, m deploymentModel) (*deploymentModel, error) {
			return r.read(ctx, m.ID.ValueString(), m)
		},
		FromAPI: func(read *deploymentModel, _ deploymentModel) deploymentModel { return *read },
	})
}

// Update patches what changed: the deployment (registry, compute, spot,
// containers named as deployed) and its scaling, then waits for healthy.
func (r *deploymentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, okPlan := crud.Get[deploymentModel](ctx, req.Plan, &resp.Diagnostics)
	state, okState := crud.Get[deploymentModel](ctx, req.State, &resp.Diagnostics)
	if !okPlan || !okState {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Update, deploymentUpdateTimeout, &resp.Diagnostics)
	defer cancel()
	name := state.ID.ValueString()
	what := apierr.Describe("Verda", "container deployment", name)
	patch, changed, diags := servedSpec{plan.Containers, plan.RegistryCredentials, plan.Compute}.patch(ctx,
		servedSpec{state.Containers, state.RegistryCredentials, state.Compute})
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !plan.IsSpot.Equal(state.IsSpot) {
		spot := plan.IsSpot.ValueBool()
		patch.IsSpot, changed = &spot, true
	}
	if changed {
		if err := r.Client.PatchDeployment(ctx, name, patch); err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("changing "+what, err))
			return
		}
	}
	if !reflect.DeepEqual(plan.Scaling.toAPI(), state.Scaling.toAPI()) {
		if err := r.Client.PatchScaling(ctx, name, plan.Scaling.toAPI()); err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("changing the scaling of "+what, err))
			return
		}
	}
	if changed {
		if err := r.waitHealthy(ctx, name, what); err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("changing "+what, err))
		}
	}
	m, err := r.read(ctx, name, pending.State(plan))
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading "+what, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// Delete lets Verda wait for the deployment to go (its own timeout), then
// confirms it is gone.
func (r *deploymentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := crud.Get[deploymentModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx, cancel := crud.Within(ctx, state.Timeouts.Delete, deploymentDeleteTimeout, &resp.Diagnostics)
	defer cancel()
	name := state.ID.ValueString()
	r.deleteServed(ctx, &resp.Diagnostics, apierr.Describe("Verda", "container deployment", name),
		func(ctx context.Context, waitMS int64) error { return r.Client.DeleteDeployment(ctx, name, waitMS) },
		func(ctx context.Context) error { _, err := r.Client.GetDeployment(ctx, name); return err })
}
