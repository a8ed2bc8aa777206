package providerdata

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	verdaapi "github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

func TestHolderTake(t *testing.T) {
	var diags diag.Diagnostics
	var h Holder[verdaapi.Client]
	h.Take(Verda, nil, &diags)
	if diags.HasError() || h.Client != nil {
		t.Fatalf("before the provider is configured there is nothing to take and no error: %v", diags)
	}
	h.Take(Verda, &Clients{}, &diags)
	if !diags.HasError() || !strings.Contains(diags[0].Detail(), "VERDA_CLIENT_ID") || h.Client != nil {
		t.Fatalf("a cloud without credentials must say how to give them: %v", diags)
	}
	diags = nil
	client := &verdaapi.Client{}
	clients := &Clients{Verda: client}
	h.Take(Verda, clients, &diags)
	if diags.HasError() || h.Client != client || h.Clients != clients {
		t.Fatalf("configured: %v %v", h, diags)
	}
	h.Take(Verda, "not clients", &diags)
	if !diags.HasError() {
		t.Fatal("provider data of another type is a bug to report")
	}
}

func TestNovaResourcesNeedCredentialsItsCatalogDoesNot(t *testing.T) {
	clients := &Clients{}
	if Nova.Client(clients) != nil || NovaPublic.Client(clients) != nil {
		t.Fatal("no client, nothing to take")
	}
}
