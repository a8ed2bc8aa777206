package nova

type imagesModel struct {
	Images []imageModel `tfsdk:"images"`
}

type imageModel struct {
	TemplateVMID int64  `tfsdk:"template_vmid"`
	Name         string `tfsdk:"name"`
	DisplayName  string `tfsdk:"display_name"`
	Description  string `tfsdk:"description"`
	Access       string `tfsdk:"access"`
}

// imagesFromTemplates lists the templates the document names; Nova has no
// request that lists them.
func imagesFromTemplates(ts []template) []imageModel {
	out := []imageModel{}
	for _, t := range ts {
		out = append(out, imageModel{TemplateVMID: t.VMID, Name: t.Name, DisplayName: t.Display, Description: t.Description, Access: t.To})
	}
	return out
}
