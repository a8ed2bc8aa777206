package verda

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

type registryCredentialsModel struct {
	ID                  types.String `tfsdk:"id"`
	Name                types.String `tfsdk:"name"`
	Type                types.String `tfsdk:"type"`
	Username            types.String `tfsdk:"username"`
	AccessTokenWO       types.String `tfsdk:"access_token_wo"`
	ServiceAccountKeyWO types.String `tfsdk:"service_account_key_wo"`
	AccessKeyID         types.String `tfsdk:"access_key_id"`
	SecretAccessKeyWO   types.String `tfsdk:"secret_access_key_wo"`
	Region              types.String `tfsdk:"region"`
	ECRRepo             types.String `tfsdk:"ecr_repo"`
	ScalewayDomain      types.String `tfsdk:"scaleway_domain"`
	ScalewayUUID        types.String `tfsdk:"scaleway_uuid"`
	DockerConfigJSONWO  types.String `tfsdk:"docker_config_json_wo"`
	SecretsWOVersion    types.Int64  `tfsdk:"secrets_wo_version"`
	ForceDestroy        types.Bool   `tfsdk:"force_destroy"`
	CreatedAt           types.String `tfsdk:"created_at"`
}

// registryTypeFields are the fields each registry type needs, by attribute
// (SUPPLEMENT.md); the write-only ones are sent under their API name.
var registryTypeFields = map[string][]string{
	"dockerhub": {"username", "access_token_wo"},
	"ghcr":      {"username", "access_token_wo"},
	"gcr":       {"service_account_key_wo"},
	"aws-ecr":   {"access_key_id", "secret_access_key_wo", "region", "ecr_repo"},
	"scaleway":  {"scaleway_domain", "scaleway_uuid"},
	"custom":    {"docker_config_json_wo"},
	"verda":     {},
}

// fields are the model's type-specific attributes by name.
func (m registryCredentialsModel) fields() map[string]types.String {
	return map[string]types.String{
		"username": m.Username, "access_token_wo": m.AccessTokenWO, "service_account_key_wo": m.ServiceAccountKeyWO,
		"access_key_id": m.AccessKeyID, "secret_access_key_wo": m.SecretAccessKeyWO, "region": m.Region, "ecr_repo": m.ECRRepo,
		"scaleway_domain": m.ScalewayDomain, "scaleway_uuid": m.ScalewayUUID, "docker_config_json_wo": m.DockerConfigJSONWO,
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

func apiFieldName(attr string) string {
	if len(attr) > 3 && attr[len(attr)-3:] == "_wo" {
		return attr[:len(attr)-3]
	}
	return attr
}

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
