package verda

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type registryCredentialsModel struct {
	ID                  types.String `tfsdk:"id"`
	Name                types.String `tfsdk:"name"`
	Type                types.String `tfsdk:"type"`
	Username            types.String `tfsdk:"username"`
	AccessToken         types.String `tfsdk:"access_token"`
	AccessTokenWO       types.String `tfsdk:"access_token_wo"`
	ServiceAccountKey   types.String `tfsdk:"service_account_key"`
	ServiceAccountKeyWO types.String `tfsdk:"service_account_key_wo"`
	AccessKeyID         types.String `tfsdk:"access_key_id"`
	SecretAccessKey     types.String `tfsdk:"secret_access_key"`
	SecretAccessKeyWO   types.String `tfsdk:"secret_access_key_wo"`
	Region              types.String `tfsdk:"region"`
	ECRRepo             types.String `tfsdk:"ecr_repo"`
	ScalewayDomain      types.String `tfsdk:"scaleway_domain"`
	ScalewayUUID        types.String `tfsdk:"scaleway_uuid"`
	DockerConfigJSON    types.String `tfsdk:"docker_config_json"`
	DockerConfigJSONWO  types.String `tfsdk:"docker_config_json_wo"`
	SecretsWOVersion    types.Int64  `tfsdk:"secrets_wo_version"`
	ForceDestroy        types.Bool   `tfsdk:"force_destroy"`
	CreatedAt           types.String `tfsdk:"created_at"`
}

// registryTypeFields are the fields each registry type needs, by their API
// names (SUPPLEMENT.md). A secret one is set by its attribute of that name
// (kept in state) or by the write-only one ending in _wo.
var registryTypeFields = map[string][]string{
	"dockerhub": {"username", "access_token"},
	"ghcr":      {"username", "access_token"},
	"gcr":       {"service_account_key"},
	"aws-ecr":   {"access_key_id", "secret_access_key", "region", "ecr_repo"},
	"scaleway":  {"scaleway_domain", "scaleway_uuid"},
	"custom":    {"docker_config_json"},
	"verda":     {},
}

// registrySecrets are the fields set stored or write-only, with what they hold.
var registrySecrets = map[string]string{
	"access_token":        "Registry access token (`dockerhub`, `ghcr`)",
	"service_account_key": "Service account key JSON (`gcr`)",
	"secret_access_key":   "AWS secret access key (`aws-ecr`)",
	"docker_config_json":  "A Docker `config.json` with the registry's auth (`custom`)",
}

// fields are the model's type-specific attributes by name, both forms of
// the secret ones included.
func (m registryCredentialsModel) fields() map[string]types.String {
	return map[string]types.String{
		"username": m.Username, "access_token": m.AccessToken, "access_token_wo": m.AccessTokenWO,
		"service_account_key": m.ServiceAccountKey, "service_account_key_wo": m.ServiceAccountKeyWO, "access_key_id": m.AccessKeyID,
		"secret_access_key": m.SecretAccessKey, "secret_access_key_wo": m.SecretAccessKeyWO, "region": m.Region, "ecr_repo": m.ECRRepo,
		"scaleway_domain": m.ScalewayDomain, "scaleway_uuid": m.ScalewayUUID, "docker_config_json": m.DockerConfigJSON,
		"docker_config_json_wo": m.DockerConfigJSONWO,
	}
}

// createBody is the create request from the configuration, which holds the
// write-only values.
func (m registryCredentialsModel) createBody() map[string]string {
	body := map[string]string{"name": m.Name.ValueString(), "type": m.Type.ValueString()}
	for attr, v := range m.fields() {
		if !v.IsNull() && !v.IsUnknown() {
			body[apiFieldName(attr)] = v.ValueString()
		}
	}
	return body
}

func apiFieldName(attr string) string { return strings.TrimSuffix(attr, "_wo") }

// registryCredentialsFromAPI fills what Verda lists: the name and when it
// was stored; everything else stays as configured, the write-only values
// never kept.
func registryCredentialsFromAPI(rc *api.RegistryCredentials, prior registryCredentialsModel) registryCredentialsModel {
	m := prior
	m.ID, m.Name, m.CreatedAt = types.StringValue(rc.Name), types.StringValue(rc.Name), types.StringValue(rc.CreatedAt)
	m.AccessTokenWO, m.ServiceAccountKeyWO, m.SecretAccessKeyWO, m.DockerConfigJSONWO = types.StringNull(), types.StringNull(), types.StringNull(), types.StringNull()
	if m.ForceDestroy.IsNull() || m.ForceDestroy.IsUnknown() {
		m.ForceDestroy = types.BoolValue(false)
	}
	return m
}
