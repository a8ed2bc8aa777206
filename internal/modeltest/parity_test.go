package modeltest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type fakeResource struct{ resource.Resource }

func (fakeResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"id":   schema.StringAttribute{Computed: true},
		"tags": schema.ListAttribute{Optional: true, ElementType: types.StringType},
		"disks": schema.ListNestedAttribute{Optional: true, NestedObject: schema.NestedAttributeObject{
			Attributes: map[string]schema.Attribute{"size": schema.Int64Attribute{Required: true}},
		}},
	}}
}

type disk struct {
	Size types.Int64 `tfsdk:"size"`
}

type recorder struct {
	testing.TB
	failed string
}

func (r *recorder) Helper() {}
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
}

func TestResourceParity(t *testing.T) {
	type good struct {
		ID    types.String `tfsdk:"id"`
		Tags  types.List   `tfsdk:"tags"`
		Disks []disk       `tfsdk:"disks"`
	}
	type missing struct {
		ID   types.String `tfsdk:"id"`
		Tags types.List   `tfsdk:"tags"`
	}
	type extra struct {
		ID    types.String `tfsdk:"id"`
		Tags  types.List   `tfsdk:"tags"`
		Disks []disk       `tfsdk:"disks"`
		Name  types.String `tfsdk:"name"`
	}
	type nestedWrong struct {
		ID    types.String `tfsdk:"id"`
		Tags  types.List   `tfsdk:"tags"`
		Disks []struct {
			Size types.Int64 `tfsdk:"size_gb"`
		} `tfsdk:"disks"`
	}
	type wrongType struct {
		ID    types.Int64 `tfsdk:"id"`
		Tags  types.List  `tfsdk:"tags"`
		Disks []disk      `tfsdk:"disks"`
	}
	for name, tc := range map[string]struct {
		model any
		want  string
	}{
		"good":         {&good{}, ""},
		"missing":      {&missing{}, "disks"},
		"extra":        {&extra{}, "name"},
		"nested wrong": {&nestedWrong{}, "size"},
		"wrong type":   {&wrongType{}, "id"},
	} {
		r := &recorder{TB: t}
		ResourceParity(r, fakeResource{}, tc.model)
		switch {
		case tc.want == "" && r.failed != "":
			t.Errorf("%s: %s", name, r.failed)
		case tc.want != "" && !strings.Contains(r.failed, tc.want):
			t.Errorf("%s: want a failure naming %q, got %q", name, tc.want, r.failed)
		}
	}
}
