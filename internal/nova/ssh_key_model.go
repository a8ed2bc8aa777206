package nova

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
)

type sshKeyModel struct {
	ID          types.String `tfsdk:"id"`
	Label       types.String `tfsdk:"label"`
	PublicKey   types.String `tfsdk:"public_key"`
	Fingerprint types.String `tfsdk:"fingerprint"`
	KeyType     types.String `tfsdk:"key_type"`
	CreatedAt   types.String `tfsdk:"created_at"`
}

func sshKeyFromAPI(k *api.SSHKey, prior sshKeyModel) sshKeyModel {
	prior.ID, prior.Label = types.StringValue(k.ID), types.StringValue(k.Label)
	prior.Fingerprint, prior.KeyType, prior.CreatedAt = types.StringValue(k.Fingerprint), types.StringValue(k.KeyType), types.StringValue(k.CreatedAt)
	return prior
}

type sshKeyDataModel struct {
	ID          types.String `tfsdk:"id"`
	Label       types.String `tfsdk:"label"`
	Fingerprint types.String `tfsdk:"fingerprint"`
	KeyType     types.String `tfsdk:"key_type"`
	CreatedAt   types.String `tfsdk:"created_at"`
}

func sshKeyDataFromAPI(k *api.SSHKey) sshKeyDataModel {
	return sshKeyDataModel{
		ID: types.StringValue(k.ID), Label: types.StringValue(k.Label), Fingerprint: types.StringValue(k.Fingerprint),
		KeyType: types.StringValue(k.KeyType), CreatedAt: types.StringValue(k.CreatedAt),
	}
}
