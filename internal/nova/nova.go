// Package nova is Nova Cloud's resources and data sources.
package nova

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/providerdata"
)

// Resources lists Nova Cloud's resources.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{NewInstanceResource, NewSSHKeyResource}
}

// DataSources lists Nova Cloud's data sources.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{NewOffersDataSource, NewPricingDataSource, NewImagesDataSource, NewInstancesDataSource, NewSSHKeyDataSource, NewBillingDataSource}
}

// clientHolder is embedded by every Nova resource and data source.
type clientHolder struct {
	providerdata.Holder[api.Client]
}

func (h *clientHolder) configure(data any, diags *diag.Diagnostics) {
	h.Take(providerdata.Nova, data, diags)
}

// Configure is every resource's: it takes the cloud's client.
func (h *clientHolder) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	h.configure(req.ProviderData, &resp.Diagnostics)
}

// publicHolder is embedded by data sources that read public endpoints.
type publicHolder struct {
	providerdata.Holder[api.Client]
}

func (h *publicHolder) configure(data any, diags *diag.Diagnostics) {
	h.Take(providerdata.NovaPublic, data, diags)
}

// template is one of the OS images the document lists for template_vmid.
type template struct {
	VMID                           int64
	Name, Display, Description, To string
}

var templates = []template{
	{100, "ubuntu-22.04", "Ubuntu 22.04", "Base image with NVIDIA drivers", "SSH"},
	{101, "ubuntu-24.04", "Ubuntu 24.04", "Base image with NVIDIA drivers", "SSH"},
	{102, "stable-diffusion", "Stable Diffusion (A1111)", "AI image generation, pre-configured", "SSH, WebUI, Jupyter"},
	{103, "comfyui", "ComfyUI", "Node-based AI image/video/audio generation", "SSH, WebUI, Jupyter"},
	{104, "linux-desktop", "Linux Desktop", "Web-accessible desktop environment", "SSH, WebUI, Jupyter"},
}

func templateNames() []string {
	out := make([]string, len(templates))
	for i, t := range templates {
		out[i] = t.Name
	}
	return out
}

func templateVMID(name string) (int64, bool) {
	for _, t := range templates {
		if t.Name == name {
			return t.VMID, true
		}
	}
	return 0, false
}
