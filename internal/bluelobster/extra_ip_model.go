package bluelobster

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
)

type extraIPModel struct {
	ID            types.String `tfsdk:"id"`
	InstanceID    types.String `tfsdk:"instance_id"`
	IPAddress     types.String `tfsdk:"ip_address"`
	InterfaceName types.String `tfsdk:"interface_name"`
	MACAddress    types.String `tfsdk:"mac_address"`
}

func extraIPFromAPI(instanceID string, ip *api.IP) extraIPModel {
	return extraIPModel{
		ID: types.StringValue(extraIPID(instanceID, ip.IPAddress)), InstanceID: types.StringValue(instanceID),
		IPAddress: types.StringValue(ip.IPAddress), InterfaceName: types.StringValue(ip.InterfaceName), MACAddress: types.StringValue(ip.MACAddress),
	}
}

// extraIPID is an extra IP's id, also its import ID.
func extraIPID(instanceID, addr string) string { return instanceID + "/" + addr }
