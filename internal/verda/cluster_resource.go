package verda

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/catalog"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/pending"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

const (
	clusterCreateTimeout = time.Hour
	clusterDeleteTimeout = 30 * time.Minute
	sharedVolumeKeep     = "keep"
	sharedVolumeDelete   = "delete"
)

// NewClusterResource is gpucloud_verda_cluster.
func NewClusterResource() resource.Resource {
	return &clusterResource{Kind: crud.Kind{Name: "verda_cluster", ImportParts: []string{"id"}}}
}

type clusterResource struct {
	clientHolder
	crud.Kind
}

func (r *clusterResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	str := func(desc string) schema.Attribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Verda instant cluster: GPU nodes behind a jump host, with a shared filesystem at `/home`. Create " +
			"waits until it runs; `error`, `discontinued`, `no_capacity` and `installation_failed` end the wait, leaving it " +
			"tainted. Tags change in place; everything else is fixed at creation. Destroy discontinues it, and " +
			"`shared_volume_on_destroy` says, explicitly, whether its shared volume is kept or deleted with it.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "The cluster's ID."},
			"cluster_type": schema.StringAttribute{Required: true, PlanModifiers: replace,
				MarkdownDescription: "Cluster type, such as `16H200`, deployable at `location_code` now (checked at plan); see `gpucloud_verda_cluster_types`."},
			"image": schema.StringAttribute{Required: true, PlanModifiers: replace,
				MarkdownDescription: "Cluster image by `image_type` (or ID); see `gpucloud_verda_cluster_images` (checked at plan)."},
			"hostname": schema.StringAttribute{Required: true, PlanModifiers: replace, Validators: []validator.String{stringvalidator.LengthBetween(1, 63)},
				MarkdownDescription: "The jump host's hostname."},
			"description": schema.StringAttribute{Required: true, PlanModifiers: replace, MarkdownDescription: "Description."},
			"location_code": schema.StringAttribute{Required: true, PlanModifiers: replace,
				MarkdownDescription: "Location of the cluster and its shared volume, such as `FIN-01`."},
			"shared_volume": schema.SingleNestedAttribute{
				Required: true, PlanModifiers: []planmodifier.Object{objectplanmodifier.RequiresReplace()},
				MarkdownDescription: "The shared filesystem mounted at `/home`, made with the cluster.",
				Attributes: map[string]schema.Attribute{
					"name": schema.StringAttribute{Required: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)}, MarkdownDescription: "Its name."},
					"size": schema.Int64Attribute{Required: true, Validators: []validator.Int64{int64validator.AtLeast(1)}, MarkdownDescription: "Its size in GB."},
				},
			},
			"ssh_key_ids": schema.SetAttribute{
				Optional: true, Computed: true, ElementType: types.StringType,
				PlanModifiers:       []planmodifier.Set{setplanmodifier.RequiresReplace(), setplanmodifier.UseStateForUnknown()},
				Validators:          []validator.Set{setvalidator.ValueStringsAre(validate.UUID())},
				MarkdownDescription: "SSH keys for the jump host.",
			},
			"startup_script_id": schema.StringAttribute{Optional: true, PlanModifiers: replace, Validators: []validator.String{validate.UUID()},
				MarkdownDescription: "A startup script run when the cluster initialises."},
			"existing_volume_ids": schema.SetAttribute{
				Optional: true, ElementType: types.StringType, PlanModifiers: []planmodifier.Set{planmod.ReplaceOrAdoptSet()},
				Validators:          []validator.Set{setvalidator.ValueStringsAre(validate.UUID())},
				MarkdownDescription: "Existing shared volumes, in the cluster's location, to attach as well. Never deleted with the cluster.",
			},
			"tags": tagsAttribute("cluster"),
			"shared_volume_on_destroy": schema.StringAttribute{
				Required: true, Validators: []validator.String{stringvalidator.OneOf(sharedVolumeKeep, sharedVolumeDelete)},
				MarkdownDescription: "What destroy does to the shared volume made with the cluster: `keep` it (detached, still billed " +
					"as a volume) or `delete` it and its data. There is no default: the choice is the user's. Changed in place; only destroy reads it.",
			},
			"timeouts":       sharedschema.Timeouts(ctx, clusterCreateTimeout, clusterCreateTimeout, clusterDeleteTimeout),
			"ip":             str("The jump host's IP, once running."),
			"status":         str("Verda's status, such as `running`."),
			"os_name":        schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "Operating system."},
			"price_per_hour": schema.Float64Attribute{Computed: true, MarkdownDescription: "Price per hour in the project's currency."},
			"worker_nodes": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The worker nodes, reached from the jump host with `ssh <hostname>`.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id": str("Node ID."), "hostname": str("Hostname."), "public_ip": str("Public IP."), "private_ip": str("Private IP."), "status": str("Status."),
				}},
			},
			"shared_volumes": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "The shared volumes attached, `/home` first.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id": str("Volume ID."), "name": str("Name."), "mount_point": str("Where it is mounted."),
					"size_gb": schema.Int64Attribute{Computed: true, MarkdownDescription: "Size in GB."},
				}},
			},
			"created_at": schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "Creation time."},
		},
	}
	planmod.NoteReplacements(ctx, &resp.Schema, "cluster")
}

// ModifyPlan checks a new cluster's type, where it deploys now, and image,
// and warns about clusters that already bear its hostname.
func (r *clusterResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || !req.State.Raw.IsNull() || r.Client == nil {
		return
	}
	if hostname, ok := adopt.Creating(ctx, req, "hostname"); ok {
		adopt.WarnExisting(ctx, &resp.Diagnostics, path.Root("hostname"), "gpucloud_verda_cluster", apierr.Describe("Verda", "cluster", hostname),
			r.clusters(func(c api.Cluster) bool { return c.Hostname == hostname }))
	}
	plan, ok := crud.Get[clusterModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	clusterTypes, err := r.Client.ListClusterTypes(ctx, "")
	names := make([]string, len(clusterTypes))
	for i, t := range clusterTypes {
		names[i] = t.ClusterType
	}
	catalog.Check(&resp.Diagnostics, catalog.Value{Attr: path.Root("cluster_type"), Value: plan.ClusterType, What: "a Verda cluster type",
		Where: "gpucloud_verda_cluster_types"}, names, false, err)
	images, err := r.Client.ListClusterImages(ctx)
	var imageNames []string
	for _, i := range images {
		imageNames = append(imageNames, i.ImageType, i.ID)
	}
	catalog.Check(&resp.Diagnostics, catalog.Value{Attr: path.Root("image"), Value: plan.Image, What: "a Verda cluster image",
		Where: "gpucloud_verda_cluster_images"}, imageNames, false, err)
	if resp.Diagnostics.HasError() || plan.ClusterType.IsUnknown() || plan.LocationCode.IsUnknown() {
		return
	}
	avail, err := r.Client.ListClusterAvailability(ctx)
	if err != nil {
		return
	}
	var where []string
	for _, a := range avail {
		for _, t := range a.Availabilities {
			if t == plan.ClusterType.ValueString() {
				if a.LocationCode == plan.LocationCode.ValueString() {
					return
				}
				where = append(where, a.LocationCode)
			}
		}
	}
	resp.Diagnostics.AddAttributeError(path.Root("location_code"), "Cluster type not deployable here now",
		fmt.Sprintf("cluster_type %q cannot deploy in %q now; it can in: %v.", plan.ClusterType.ValueString(), plan.LocationCode.ValueString(), where))
}

func (r *clusterResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := crud.Get[clusterModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Create, clusterCreateTimeout, &resp.Diagnostics)
	defer cancel()
	what := apierr.Describe("Verda", "cluster", plan.Hostname.ValueString())
	body, diags := plan.deployRequest(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	var token string
	body.Tags, token = withCreationToken(body.Tags)
	id, err := adopt.Create(ctx, adopt.Kind{Claims: r.Clients.Claims, Resource: "gpucloud_verda_cluster", What: what, Token: token,
		Matching: func(ctx context.Context, _ bool) ([]adopt.Candidate, error) {
			return r.clusters(func(c api.Cluster) bool {
				return c.Hostname == body.Hostname && adopt.Reported(c.ClusterType, body.ClusterType) && adopt.Reported(c.Location, body.LocationCode)
			})(ctx)
		}},
		func(ctx context.Context) (string, error) { return r.Client.DeployCluster(ctx, body) })
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	state := pending.State(plan)
	state.ID = types.StringValue(id)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	floor, ceiling := r.Clients.Poll(2*time.Second, 30*time.Second)
	c, err := wait.For(ctx, wait.Options{Object: fmt.Sprintf("%s (%s)", what, id), Target: []string{api.StatusRunning},
		Failure: []string{api.StatusError, api.StatusDiscontinued, api.StatusNoCapacity, api.StatusInstallationFailed, api.StatusNotFound},
		Floor:   floor, Ceiling: ceiling},
		func(ctx context.Context) (*api.Cluster, error) { return r.Client.GetCluster(ctx, id) },
		func(c *api.Cluster) wait.Observation {
			return wait.Observation{State: c.Status, Message: failureMessages[c.Status]}
		})
	if c != nil {
		resp.Diagnostics.Append(resp.State.Set(ctx, clusterFromAPI(c, state))...)
	}
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
	}
}

func (r *clusterResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	crud.Read(ctx, req, resp, crud.Reader[clusterModel, api.Cluster]{
		What: func(m clusterModel) string { return apierr.Describe("Verda", "cluster", m.ID.ValueString()) },
		Read: func(ctx context.Context, m clusterModel) (*api.Cluster, error) {
			return r.Client.GetCluster(ctx, m.ID.ValueString())
		},
		Gone:    func(c *api.Cluster) bool { return c.Status == api.StatusDiscontinued || c.Status == api.StatusNotFound },
		FromAPI: clusterFromAPI,
	})
}

// Update changes tags in place and records shared_volume_on_destroy.
func (r *clusterResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, okPlan := crud.Get[clusterModel](ctx, req.Plan, &resp.Diagnostics)
	state, okState := crud.Get[clusterModel](ctx, req.State, &resp.Diagnostics)
	if !okPlan || !okState {
		return
	}
	id, what := state.ID.ValueString(), apierr.Describe("Verda", "cluster", state.Hostname.ValueString())
	c, err := r.Client.GetCluster(ctx, id)
	if err == nil && !plan.Tags.IsUnknown() && !plan.Tags.Equal(state.Tags) {
		if err = syncTags(ctx, r.Client, api.TaggedClusters, id, c.Tags, plan.Tags); err == nil {
			c, err = r.Client.GetCluster(ctx, id)
		}
	}
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("changing "+what, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, clusterFromAPI(c, pending.State(plan)))...)
}

// Delete discontinues the cluster, waits until it is gone, then deletes the
// shared volume made with it when asked to.
func (r *clusterResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := crud.Get[clusterModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx, cancel := crud.Within(ctx, state.Timeouts.Delete, clusterDeleteTimeout, &resp.Diagnostics)
	defer cancel()
	id, what := state.ID.ValueString(), apierr.Describe("Verda", "cluster", state.Hostname.ValueString())
	floor, ceiling := r.Clients.Poll(2*time.Second, 30*time.Second)
	crud.Delete(ctx, &resp.Diagnostics, what, func(ctx context.Context) error { return r.Client.DiscontinueCluster(ctx, id) },
		func(ctx context.Context) error {
			return wait.Gone(ctx, wait.Options{Object: what, Floor: floor, Ceiling: ceiling},
				func(ctx context.Context) (*api.Cluster, error) { return r.Client.GetCluster(ctx, id) },
				func(c *api.Cluster) string { return c.Status })
		})
	if resp.Diagnostics.HasError() || state.SharedVolumeOnDestroy.ValueString() != sharedVolumeDelete {
		return
	}
	for _, vid := range state.createdSharedVolumes(ctx) {
		if err := r.Client.DeleteVolume(ctx, vid, true); err != nil && !transport.IsNotFound(err) {
			resp.Diagnostics.Append(apierr.Diagnostic("deleting the shared volume "+vid+" of "+what, err))
		}
	}
}

// clusters lists the clusters that match, as candidates for adoption.
func (r *clusterResource) clusters(match func(api.Cluster) bool) func(context.Context) ([]adopt.Candidate, error) {
	return func(ctx context.Context) ([]adopt.Candidate, error) {
		all, err := r.Client.ListClusters(ctx)
		var out []adopt.Candidate
		for _, c := range all {
			if match(c) {
				out = append(out, adopt.Candidate{ID: c.ID, Name: c.Hostname, Status: c.Status, CreatedAt: adopt.ParseTime(c.CreatedAt),
					Price: price(float64(c.PricePerHour)), Token: creationToken(c.Tags)})
			}
		}
		return out, err
	}
}
