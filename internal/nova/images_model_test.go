package nova

import (
	"testing"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/modeltest"
)

func TestImagesFromTemplates(t *testing.T) {
	got := imagesFromTemplates(templates)
	if len(got) != len(templates) || got[0].TemplateVMID != templates[0].VMID || got[0].Name != templates[0].Name || got[0].Access == "" {
		t.Errorf("%+v", got)
	}
	if none := imagesFromTemplates(nil); none == nil {
		t.Error("no templates is an empty list, not null")
	}
}

func TestImagesParity(t *testing.T) {
	modeltest.DataSourceParity(t, NewImagesDataSource(), &imagesModel{})
}
