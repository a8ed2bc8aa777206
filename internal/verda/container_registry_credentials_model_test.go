package verda

import (
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestRegistryCredentialsFromAPI(t *testing.T) {
	null := types.StringNull()
	m := registryCredentialsModel{Name: types.StringValue("ecr"), Type: types.StringValue("aws-ecr"), Username: null, AccessTokenWO: null,
		ServiceAccountKeyWO: null, AccessKeyID: types.StringValue("AKIA1"), SecretAccessKeyWO: types.StringValue("wo"),
		Region: types.StringValue("eu-north-1"), ECRRepo: types.StringValue("1.dkr.ecr.eu-north-1.amazonaws.com/app"),
		ScalewayDomain: null, ScalewayUUID: null, DockerConfigJSONWO: null}
	want := map[string]string{"name": "ecr", "type": "aws-ecr", "access_key_id": "AKIA1", "secret_access_key": "wo",
		"region": "eu-north-1", "ecr_repo": "1.dkr.ecr.eu-north-1.amazonaws.com/app"}
	if got := m.createBody(); !reflect.DeepEqual(got, want) {
		t.Errorf("the create body names the API's fields, the write-only ones without _wo: %v", got)
	}
	got := registryCredentialsFromAPI(&api.RegistryCredentials{Name: "ecr", CreatedAt: "2026-12-01T00:00:00Z"}, m)
	if !got.SecretAccessKeyWO.IsNull() || got.Region.ValueString() != "eu-north-1" || got.CreatedAt.ValueString() != "2026-12-01T00:00:00Z" {
		t.Errorf("write-only values are never kept, the rest stays as configured: %+v", got)
	}
	plain := registryCredentialsModel{Name: types.StringValue("hub"), Type: types.StringValue("dockerhub"), Username: types.StringValue("me"),
		AccessToken: types.StringValue("stored")}
	if got := plain.createBody(); !reflect.DeepEqual(got, map[string]string{"name": "hub", "type": "dockerhub", "username": "me", "access_token": "stored"}) {
		t.Errorf("a secret kept in state is sent under the same API name: %v", got)
	}
	if got := registryCredentialsFromAPI(&api.RegistryCredentials{Name: "hub"}, plain); got.AccessToken.ValueString() != "stored" {
		t.Errorf("the stored form stays in state: %+v", got)
	}
	for typ, fields := range registryTypeFields {
		for _, f := range fields {
			if _, ok := m.fields()[f]; !ok {
				t.Errorf("type %s names %s, which the model does not have", typ, f)
			}
		}
	}
}

func TestRegistryCredentialsParity(t *testing.T) {
	modeltest.ResourceParity(t, NewRegistryCredentialsResource(), &registryCredentialsModel{})
}
