package provider_test

import (
	"context"
	"regexp"
	"slices"
	"sort"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	tfresource "github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/acctest"
	gpucloud "github.com/gpucloud/terraform-provider-gpucloud/internal/provider"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
)

func TestProviderListsExactlyTheseTypes(t *testing.T) {
	ctx := context.Background()
	p := gpucloud.New("test")()
	var meta provider.MetadataResponse
	p.Metadata(ctx, provider.MetadataRequest{}, &meta)

	var resources, dataSources []string
	for _, f := range p.Resources(ctx) {
		var r resource.MetadataResponse
		f().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: meta.TypeName}, &r)
		resources = append(resources, r.TypeName)
		if _, ok := f().(resource.ResourceWithConfigure); !ok {
			t.Errorf("%s takes no provider configuration", r.TypeName)
		}
		if _, ok := f().(resource.ResourceWithImportState); !ok {
			t.Errorf("%s cannot be imported", r.TypeName)
		}
	}
	for _, f := range p.DataSources(ctx) {
		var d datasource.MetadataResponse
		f().Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: meta.TypeName}, &d)
		dataSources = append(dataSources, d.TypeName)
		if _, ok := f().(datasource.DataSourceWithConfigure); !ok {
			t.Errorf("%s takes no provider configuration", d.TypeName)
		}
	}
	sort.Strings(resources)
	sort.Strings(dataSources)
	wantResources := []string{
		"gpucloud_bluelobster_backup", "gpucloud_bluelobster_backup_schedule", "gpucloud_bluelobster_extra_ip", "gpucloud_bluelobster_firewall", "gpucloud_bluelobster_instance",
		"gpucloud_gpu_instance", "gpucloud_nova_instance", "gpucloud_nova_ssh_key", "gpucloud_novitai_instance",
		"gpucloud_tensordock_instance", "gpucloud_tensordock_ssh_key",
		"gpucloud_verda_cluster", "gpucloud_verda_container_deployment", "gpucloud_verda_container_registry_credentials", "gpucloud_verda_file_secret", "gpucloud_verda_instance", "gpucloud_verda_secret", "gpucloud_verda_serverless_job",
		"gpucloud_verda_ssh_key", "gpucloud_verda_startup_script", "gpucloud_verda_volume",
	}
	wantData := []string{
		"gpucloud_bluelobster_backups", "gpucloud_bluelobster_images", "gpucloud_bluelobster_instance_types", "gpucloud_bluelobster_instances",
		"gpucloud_bluelobster_teams", "gpucloud_gpu_offers",
		"gpucloud_nova_billing", "gpucloud_nova_images", "gpucloud_nova_instances", "gpucloud_nova_offers", "gpucloud_nova_pricing", "gpucloud_nova_ssh_key",
		"gpucloud_novitai_instance", "gpucloud_novitai_instances",
		"gpucloud_tensordock_hostnode", "gpucloud_tensordock_hostnodes", "gpucloud_tensordock_instances", "gpucloud_tensordock_locations",
		"gpucloud_tensordock_ssh_key",
		"gpucloud_verda_balance", "gpucloud_verda_cluster_images", "gpucloud_verda_cluster_types", "gpucloud_verda_container_types", "gpucloud_verda_images", "gpucloud_verda_instance", "gpucloud_verda_instance_types", "gpucloud_verda_instances", "gpucloud_verda_locations",
		"gpucloud_verda_long_term_periods",
		"gpucloud_verda_serverless_compute", "gpucloud_verda_ssh_key", "gpucloud_verda_startup_script", "gpucloud_verda_volume_types", "gpucloud_verda_volumes",
	}
	if !slices.Equal(resources, wantResources) || !slices.Equal(dataSources, wantData) {
		t.Fatalf("resources %v, data sources %v", resources, dataSources)
	}
}

func TestEnvironmentConfiguresVerda(t *testing.T) {
	s := acctest.StartSim(t)
	t.Setenv("VERDA_CLIENT_ID", simverda.DefaultClientID)
	t.Setenv("VERDA_CLIENT_SECRET", simverda.DefaultClientSecret)
	t.Setenv("VERDA_ENDPOINT", s.VerdaEndpoint())
	tfresource.Test(t, tfresource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []tfresource.TestStep{{
			Config: acctest.WithProvider(`data "gpucloud_verda_locations" "all" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.gpucloud_verda_locations.all", tfjsonpath.New("locations"), knownvalue.ListSizeExact(4)),
			},
		}},
	})
	if s.Requests("GET /verda/v1/locations", "200") == 0 {
		t.Fatal("the environment's endpoint was not used")
	}
}

func TestBlockOverridesEnvironment(t *testing.T) {
	s := acctest.StartSim(t)
	t.Setenv("VERDA_CLIENT_ID", "from-env")
	t.Setenv("VERDA_CLIENT_SECRET", "wrong-secret-from-env")
	t.Setenv("VERDA_ENDPOINT", "http://127.0.0.1:1/nothing")
	tfresource.Test(t, tfresource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []tfresource.TestStep{{
			Config: s.Config(`data "gpucloud_verda_locations" "all" {}`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.gpucloud_verda_locations.all", tfjsonpath.New("locations"), knownvalue.ListSizeExact(4)),
			},
		}},
	})
}

func TestUnconfiguredCloudIsAClearError(t *testing.T) {
	for _, v := range []string{"VERDA_CLIENT_ID", "VERDA_CLIENT_SECRET", "VERDA_ENDPOINT"} {
		t.Setenv(v, "")
	}
	tfresource.Test(t, tfresource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []tfresource.TestStep{{
			Config:      acctest.WithProvider(`data "gpucloud_verda_locations" "all" {}`),
			ExpectError: regexp.MustCompile(`(?s)Verda is not configured.*"verda" block.*VERDA_CLIENT_ID VERDA_CLIENT_SECRET`),
		}},
	})
}

func TestIncompleteCredentialsAreAnError(t *testing.T) {
	t.Setenv("VERDA_CLIENT_SECRET", "")
	tfresource.Test(t, tfresource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []tfresource.TestStep{{
			Config: acctest.RequiredProviders + `
provider "gpucloud" {
  verda { client_id = "only-the-id" }
}
data "gpucloud_verda_locations" "all" {}
`,
			ExpectError: regexp.MustCompile(`Incomplete Verda credentials`),
		}},
	})
}

func TestWrongSecretNamesTheSettingNotTheValue(t *testing.T) {
	s := acctest.StartSim(t)
	tfresource.Test(t, tfresource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []tfresource.TestStep{{
			Config: acctest.RequiredProviders + `
provider "gpucloud" {
  verda {
    client_id     = "` + simverda.DefaultClientID + `"
    client_secret = "definitely-wrong"
    endpoint      = "` + s.VerdaEndpoint() + `"
  }
}
data "gpucloud_verda_locations" "all" {}
`,
			ExpectError: regexp.MustCompile(`(?s)Verda refused the credentials; check client_id and\s+client_secret.*HTTP 401`),
		}},
	})
}

func TestTimingSettingsAreValidated(t *testing.T) {
	for _, tc := range []struct{ setting, want string }{
		{`request_timeout = "10ms"`, `(?s)request_timeout = "10ms": must be a duration.*from\s+100ms\s+to\s+1h0m0s`},
		{`request_timeout = "soon"`, `(?s)request_timeout.*duration`},
		{`poll_interval = "2h"`, `(?s)poll_interval = "2h": must be a duration.*from 1ms\s+to\s+1h0m0s`},
	} {
		t.Run(tc.setting, func(t *testing.T) {
			tfresource.Test(t, tfresource.TestCase{
				ProtoV6ProviderFactories: acctest.ProviderFactories(),
				Steps: []tfresource.TestStep{{
					Config:      acctest.RequiredProviders + "provider \"gpucloud\" {\n  " + tc.setting + "\n}\n" + `data "gpucloud_verda_locations" "all" {}`,
					ExpectError: regexp.MustCompile(tc.want),
				}},
			})
		})
	}
}

func TestTimingFromTheEnvironmentIsValidated(t *testing.T) {
	t.Setenv("GPUCLOUD_REQUEST_TIMEOUT", "-5s")
	tfresource.Test(t, tfresource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories(),
		Steps: []tfresource.TestStep{{
			Config:      acctest.WithProvider(`data "gpucloud_verda_locations" "all" {}`),
			ExpectError: regexp.MustCompile(`(?s)"-5s"\s+\(from\s+request_timeout\s+or\s+GPUCLOUD_REQUEST_TIMEOUT\)\s+is\s+not\s+a\s+positive\s+duration`),
		}},
	})
}
