package verda

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

// NewRegistryCredentialsResource is gpucloud_verda_container_registry_credentials.
func NewRegistryCredentialsResource() resource.Resource {
	return &registryCredentialsResource{Kind: crud.Kind{Name: "verda_container_registry_credentials", ImportParts: []string{"id"}}}
}

type registryCredentialsResource struct {
	clientHolder
	crud.Kind
}

func (r *registryCredentialsResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	adoptable := []planmodifier.String{planmod.ReplaceOrAdoptString()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	types := make([]string, 0, len(registryTypeFields))
	for t := range registryTypeFields {
		types = append(types, t)
	}
	sort.Strings(types)
	field := func(desc string) schema.Attribute {
		return schema.StringAttribute{Optional: true, PlanModifiers: adoptable, MarkdownDescription: desc}
	}
	secrets := map[string]schema.Attribute{}
	for name, what := range registrySecrets {
		maps.Copy(secrets, sharedschema.StoredOrWriteOnly(name, what, "secrets_wo_version"))
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A login to a private container registry, which a serverless deployment names in its registry " +
			"settings. Verda lists only its name and cannot change it: every argument replaces it. Each `type` takes its own " +
			"fields (checked at plan): `dockerhub` and `ghcr` `username` and `access_token`; `gcr` `service_account_key`; " +
			"`aws-ecr` `access_key_id`, `secret_access_key`, `region`, `ecr_repo`; `scaleway` `scaleway_domain`, " +
			"`scaleway_uuid`; `custom` `docker_config_json`; `verda` none. Each secret field is set either as it is named, kept in " +
			"state as a sensitive value, or write-only with `_wo`. The calls come from Verda's official clients, not document 002.",
		Attributes: map[string]schema.Attribute{
			"id":   schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "The credentials' name."},
			"name": serverlessNameAttribute("credentials"),
			"type": schema.StringAttribute{
				Optional: true, PlanModifiers: adoptable, Validators: []validator.String{stringvalidator.OneOf(types...)},
				MarkdownDescription: "The registry: " + strings.Join(types, ", ") + ". Needed to create them; optional only for imported ones, whose type Verda does not report.",
			},
			"username":        field("Registry user (`dockerhub`, `ghcr`)."),
			"access_key_id":   field("AWS access key ID (`aws-ecr`)."),
			"region":          field("AWS region, such as `eu-north-1` (`aws-ecr`)."),
			"ecr_repo":        field("ECR repository URL (`aws-ecr`)."),
			"scaleway_domain": field("Scaleway registry domain (`scaleway`)."),
			"scaleway_uuid":   field("Scaleway namespace UUID (`scaleway`)."),
			"secrets_wo_version": schema.Int64Attribute{
				Optional: true, PlanModifiers: []planmodifier.Int64{planmod.ReplaceOrAdoptInt64()}, Validators: []validator.Int64{int64validator.AtLeast(0)},
				MarkdownDescription: "A number to change when a write-only secret changes, since Terraform cannot compare them: changing it replaces the credentials. Needed with any `_wo` secret.",
			},
			"force_destroy": forceDestroyAttribute("credentials"),
			"created_at":    schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: "When they were stored."},
		},
	}
	maps.Copy(resp.Schema.Attributes, secrets)
	planmod.NoteReplacements(ctx, &resp.Schema, "credentials")
}

// ValidateConfig asks each type for its own fields and no others.
func (r *registryCredentialsResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	m, ok := crud.Get[registryCredentialsModel](ctx, req.Config, &resp.Diagnostics)
	if !ok || m.Type.IsNull() || m.Type.IsUnknown() {
		return
	}
	typ := m.Type.ValueString()
	wanted, known := registryTypeFields[typ]
	if !known {
		return
	}
	fields := m.fields()
	for _, field := range wanted {
		_, secret := registrySecrets[field]
		if fields[field].IsNull() && (!secret || fields[field+"_wo"].IsNull()) {
			what := field
			if secret {
				what += " or " + field + "_wo"
			}
			resp.Diagnostics.AddAttributeError(path.Root(field), "Missing "+field, fmt.Sprintf("type = %q needs %s.", typ, what))
		}
	}
	for attr, v := range fields {
		if !v.IsNull() && !slices.Contains(wanted, apiFieldName(attr)) {
			resp.Diagnostics.AddAttributeError(path.Root(attr), "Field of another registry type",
				fmt.Sprintf("%s is not a field of type = %q, which takes %s.", attr, typ, orNone(wanted)))
		}
	}
}

func orNone(fields []string) string {
	if len(fields) == 0 {
		return "none"
	}
	return strings.Join(fields, ", ")
}

func (r *registryCredentialsResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	planmod.NeededToCreate(ctx, req, resp, "registry login", planmod.OneOf{"type"})
	if r.Client != nil {
		warnNameTaken(ctx, req, resp, "gpucloud_verda_container_registry_credentials", "registry credentials", r.registryCredentialNames)
	}
}

func (r *registryCredentialsResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, okPlan := crud.Get[registryCredentialsModel](ctx, req.Plan, &resp.Diagnostics)
	config, okConfig := crud.Get[registryCredentialsModel](ctx, req.Config, &resp.Diagnostics)
	if !okPlan || !okConfig {
		return
	}
	name := plan.Name.ValueString()
	what := apierr.Describe("Verda", "registry credentials", name)
	body := config.createBody()
	err := createNamed(ctx, adopt.Kind{Claims: r.Clients.Claims, Resource: "gpucloud_verda_container_registry_credentials", What: what}, name, r.registryCredentialNames,
		func(ctx context.Context) error { return r.Client.CreateRegistryCredentials(ctx, body) })
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	found, err := r.find(ctx, name)
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading "+what, err))
	}
	if found == nil {
		found = &api.RegistryCredentials{Name: name}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, registryCredentialsFromAPI(found, plan))...)
}

// find is the credentials named name, or nil; there is no get by name.
func (r *registryCredentialsResource) find(ctx context.Context, name string) (*api.RegistryCredentials, error) {
	all, err := r.Client.ListRegistryCredentials(ctx)
	for i := range all {
		if all[i].Name == name {
			return &all[i], nil
		}
	}
	return nil, err
}

func (r *registryCredentialsResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	crud.Read(ctx, req, resp, crud.Reader[registryCredentialsModel, api.RegistryCredentials]{
		What: func(m registryCredentialsModel) string {
			return apierr.Describe("Verda", "registry credentials", m.Name.ValueString())
		},
		Read: func(ctx context.Context, m registryCredentialsModel) (*api.RegistryCredentials, error) {
			return r.find(ctx, m.ID.ValueString())
		},
		Gone:    func(rc *api.RegistryCredentials) bool { return rc == nil },
		FromAPI: registryCredentialsFromAPI,
	})
}

// Update only records force_destroy: every other argument replaces.
func (r *registryCredentialsResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	if plan, ok := crud.Get[registryCredentialsModel](ctx, req.Plan, &resp.Diagnostics); ok {
		resp.Diagnostics.Append(resp.State.Set(ctx, registryCredentialsFromAPI(&api.RegistryCredentials{Name: plan.ID.ValueString(), CreatedAt: plan.CreatedAt.ValueString()}, plan))...)
	}
}

func (r *registryCredentialsResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := crud.Get[registryCredentialsModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	crud.Delete(ctx, &resp.Diagnostics, apierr.Describe("Verda", "registry credentials", state.ID.ValueString()), func(ctx context.Context) error {
		return deleteInUse("the credentials", r.Client.DeleteRegistryCredentials(ctx, state.ID.ValueString(), state.ForceDestroy.ValueBool()))
	}, nil)
}
