// Package provider is the gpucloud provider: its configuration and the list
// of resources and data sources of every cloud.
package provider

import (
	"context"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster"
	bluelobsterapi "github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/nova"
	novaapi "github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/novitai"
	novitaiapi "github.com/gpucloud/terraform-provider-gpucloud/internal/novitai/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/offers"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/providerdata"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock"
	tensordockapi "github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda"
	verdaapi "github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

// New returns a constructor for the provider at the given version.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &gpucloudProvider{version: version} }
}

type gpucloudProvider struct {
	version string
}

type providerModel struct {
	PollInterval   types.String     `tfsdk:"poll_interval"`
	RequestTimeout types.String     `tfsdk:"request_timeout"`
	MaxRetryTime   types.String     `tfsdk:"max_retry_time"`
	Verda          *verdaBlock      `tfsdk:"verda"`
	TensorDock     *tensordockBlock `tfsdk:"tensordock"`
	BlueLobster    *apiKeyBlock     `tfsdk:"bluelobster"`
	Nova           *novaBlock       `tfsdk:"nova"`
	Novitai        *apiKeyBlock     `tfsdk:"novitai"`
}

type novaBlock struct {
	APIKey   types.String `tfsdk:"api_key"`
	Email    types.String `tfsdk:"email"`
	Password types.String `tfsdk:"password"`
	Endpoint types.String `tfsdk:"endpoint"`
}

type apiKeyBlock struct {
	APIKey   types.String `tfsdk:"api_key"`
	Endpoint types.String `tfsdk:"endpoint"`
}

type tensordockBlock struct {
	APIToken types.String `tfsdk:"api_token"`
	Endpoint types.String `tfsdk:"endpoint"`
}

type verdaBlock struct {
	ClientID     types.String `tfsdk:"client_id"`
	ClientSecret types.String `tfsdk:"client_secret"`
	Endpoint     types.String `tfsdk:"endpoint"`
}

func (p *gpucloudProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "gpucloud"
	resp.Version = p.version
}

func (p *gpucloudProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "One provider for several GPU clouds. Each cloud is configured by its own block, " +
			"or by its environment variables; a cloud that is used but not configured is a clear error.",
		Attributes: map[string]schema.Attribute{
			"request_timeout": schema.StringAttribute{
				Optional:   true,
				Validators: []validator.String{validate.Duration(100*time.Millisecond, time.Hour)},
				MarkdownDescription: "How long to wait for the answer to one request, such as `\"30s\"`, before treating it as lost: " +
					"a read is then sent again, and a create that may have happened is looked up before anything is created twice. Defaults to the " +
					"`GPUCLOUD_REQUEST_TIMEOUT` environment variable, then `2m`.",
			},
			"max_retry_time": schema.StringAttribute{
				Optional:   true,
				Validators: []validator.String{validate.Duration(time.Millisecond, 24*time.Hour)},
				MarkdownDescription: "How long one request may keep being retried after `429` answers, `5xx` answers and lost " +
					"connections, such as `\"5m\"`; the error then says how many attempts were made over how long and what the " +
					"last answer was. Defaults to the `GPUCLOUD_MAX_RETRY_TIME` environment variable, then `2m`.",
			},
			"poll_interval": schema.StringAttribute{
				Optional:   true,
				Validators: []validator.String{validate.Duration(time.Millisecond, time.Hour)},
				MarkdownDescription: "The pause between status polls while waiting for an object, such as `\"10s\"`, replacing " +
					"each cloud's default (a few seconds, growing to tens of seconds). Lower it against `gpucloud-sim`; " +
					"raise it to spend less of a rate limit. Defaults to the `GPUCLOUD_POLL_INTERVAL` environment variable.",
			},
		},
		Blocks: map[string]schema.Block{
			"verda": schema.SingleNestedBlock{
				MarkdownDescription: "Verda (formerly DataCrunch). Create API credentials in the Verda console under " +
					"Project → Keys → Cloud API Credentials.",
				Attributes: map[string]schema.Attribute{
					"client_id": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "OAuth2 client ID. Defaults to the `VERDA_CLIENT_ID` environment variable.",
					},
					"client_secret": schema.StringAttribute{
						Optional:            true,
						Sensitive:           true,
						MarkdownDescription: "OAuth2 client secret. Defaults to the `VERDA_CLIENT_SECRET` environment variable.",
					},
					"endpoint": schema.StringAttribute{
						Optional: true,
						MarkdownDescription: "API base URL. Defaults to the `VERDA_ENDPOINT` environment variable, then `" +
							verdaapi.DefaultEndpoint + "`. Point it at `gpucloud-sim` to test offline.",
					},
				},
			},
			"tensordock": schema.SingleNestedBlock{
				MarkdownDescription: "TensorDock (API v2). Create an API token in the TensorDock dashboard.",
				Attributes: map[string]schema.Attribute{
					"api_token": schema.StringAttribute{
						Optional: true, Sensitive: true,
						MarkdownDescription: "API token. Defaults to the `TENSORDOCK_API_TOKEN` environment variable.",
					},
					"endpoint": schema.StringAttribute{
						Optional: true,
						MarkdownDescription: "API base URL. Defaults to the `TENSORDOCK_ENDPOINT` environment variable, then `" +
							tensordockapi.DefaultEndpoint + "`.",
					},
				},
			},
			"bluelobster": schema.SingleNestedBlock{
				MarkdownDescription: "Blue Lobster. Create an API key in the Blue Lobster console.",
				Attributes: map[string]schema.Attribute{
					"api_key": schema.StringAttribute{
						Optional: true, Sensitive: true,
						MarkdownDescription: "API key, sent as `X-API-Key`. Defaults to the `BLUELOBSTER_API_KEY` environment variable.",
					},
					"endpoint": schema.StringAttribute{
						Optional: true,
						MarkdownDescription: "API base URL. Defaults to the `BLUELOBSTER_ENDPOINT` environment variable, then `" +
							bluelobsterapi.DefaultEndpoint + "`.",
					},
				},
			},
			"nova": schema.SingleNestedBlock{
				MarkdownDescription: "Nova Cloud: an API key (`nv_live_...`, recommended) or an email and password to log in with. " +
					"Offers and pricing need neither.",
				Attributes: map[string]schema.Attribute{
					"api_key": schema.StringAttribute{
						Optional: true, Sensitive: true,
						MarkdownDescription: "API key. Its scope must be `read_write` to create anything. Defaults to the `NOVA_API_KEY` environment variable.",
					},
					"email": schema.StringAttribute{
						Optional: true, MarkdownDescription: "Account email, with `password`. Defaults to the `NOVA_EMAIL` environment variable.",
					},
					"password": schema.StringAttribute{
						Optional: true, Sensitive: true, MarkdownDescription: "Account password. Defaults to the `NOVA_PASSWORD` environment variable.",
					},
					"endpoint": schema.StringAttribute{
						Optional: true,
						MarkdownDescription: "API base URL. Defaults to the `NOVA_ENDPOINT` environment variable, then `" +
							novaapi.DefaultEndpoint + "`.",
					},
				},
			},
			"novitai": schema.SingleNestedBlock{
				MarkdownDescription: "A self-hosted novitai service in front of Novita AI GPU instances. It has no public address, so `endpoint` is required.",
				Attributes: map[string]schema.Attribute{
					"api_key": schema.StringAttribute{
						Optional: true, Sensitive: true,
						MarkdownDescription: "API key. Defaults to the `NOVITAI_API_KEY` environment variable.",
					},
					"endpoint": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "The service's base URL, such as `https://novitai.example.com`. Defaults to the `NOVITAI_ENDPOINT` environment variable; required.",
					},
				},
			},
		},
	}
}

func (p *gpucloudProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	userAgent := fmt.Sprintf("terraform-provider-gpucloud/%s (+terraform %s)", p.version, req.TerraformVersion)
	clients := &providerdata.Clients{Claims: &adopt.Claims{}}
	clients.PollInterval = durationSetting(resp, path.Root("poll_interval"), cfg.PollInterval, "GPUCLOUD_POLL_INTERVAL")
	tuning := transport.Tuning{
		AttemptTimeout: durationSetting(resp, path.Root("request_timeout"), cfg.RequestTimeout, "GPUCLOUD_REQUEST_TIMEOUT"),
		MaxRetryTime:   durationSetting(resp, path.Root("max_retry_time"), cfg.MaxRetryTime, "GPUCLOUD_MAX_RETRY_TIME"),
	}
	if resp.Diagnostics.HasError() {
		return
	}

	if cfg.Verda == nil {
		cfg.Verda = &verdaBlock{}
	}
	id := setting(resp, path.Root("verda").AtName("client_id"), cfg.Verda.ClientID, "VERDA_CLIENT_ID")
	secret := setting(resp, path.Root("verda").AtName("client_secret"), cfg.Verda.ClientSecret, "VERDA_CLIENT_SECRET")
	endpoint := setting(resp, path.Root("verda").AtName("endpoint"), cfg.Verda.Endpoint, "VERDA_ENDPOINT")
	switch {
	case resp.Diagnostics.HasError():
		return
	case id != "" && secret != "":
		client, err := verdaapi.New(verdaapi.Config{Endpoint: endpoint, ClientID: id, ClientSecret: secret, UserAgent: userAgent, Tuning: tuning})
		if err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("verda").AtName("endpoint"), "Invalid Verda endpoint", err.Error())
			return
		}
		clients.Verda = client
	case id != "" || secret != "":
		resp.Diagnostics.AddAttributeError(path.Root("verda"), "Incomplete Verda credentials",
			"Verda needs both client_id and client_secret (or VERDA_CLIENT_ID and VERDA_CLIENT_SECRET); only one is set.")
		return
	}

	if cfg.TensorDock == nil {
		cfg.TensorDock = &tensordockBlock{}
	}
	token := setting(resp, path.Root("tensordock").AtName("api_token"), cfg.TensorDock.APIToken, "TENSORDOCK_API_TOKEN")
	tdEndpoint := setting(resp, path.Root("tensordock").AtName("endpoint"), cfg.TensorDock.Endpoint, "TENSORDOCK_ENDPOINT")
	if resp.Diagnostics.HasError() {
		return
	}
	if token != "" {
		client, err := tensordockapi.New(tensordockapi.Config{Endpoint: tdEndpoint, Token: token, UserAgent: userAgent, Tuning: tuning})
		if err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("tensordock").AtName("endpoint"), "Invalid TensorDock endpoint", err.Error())
			return
		}
		clients.TensorDock = client
	}

	if cfg.BlueLobster == nil {
		cfg.BlueLobster = &apiKeyBlock{}
	}
	blKey := setting(resp, path.Root("bluelobster").AtName("api_key"), cfg.BlueLobster.APIKey, "BLUELOBSTER_API_KEY")
	blEndpoint := setting(resp, path.Root("bluelobster").AtName("endpoint"), cfg.BlueLobster.Endpoint, "BLUELOBSTER_ENDPOINT")
	if resp.Diagnostics.HasError() {
		return
	}
	if blKey != "" {
		client, err := bluelobsterapi.New(bluelobsterapi.Config{Endpoint: blEndpoint, APIKey: blKey, UserAgent: userAgent, Tuning: tuning})
		if err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("bluelobster").AtName("endpoint"), "Invalid Blue Lobster endpoint", err.Error())
			return
		}
		clients.BlueLobster = client
	}

	if cfg.Nova == nil {
		cfg.Nova = &novaBlock{}
	}
	novaCfg := novaapi.Config{
		APIKey:    setting(resp, path.Root("nova").AtName("api_key"), cfg.Nova.APIKey, "NOVA_API_KEY"),
		Email:     setting(resp, path.Root("nova").AtName("email"), cfg.Nova.Email, "NOVA_EMAIL"),
		Password:  setting(resp, path.Root("nova").AtName("password"), cfg.Nova.Password, "NOVA_PASSWORD"),
		Endpoint:  setting(resp, path.Root("nova").AtName("endpoint"), cfg.Nova.Endpoint, "NOVA_ENDPOINT"),
		UserAgent: userAgent,
		Tuning:    tuning,
	}
	switch {
	case resp.Diagnostics.HasError():
		return
	case novaCfg.APIKey != "" && (novaCfg.Email != "" || novaCfg.Password != ""):
		resp.Diagnostics.AddAttributeError(path.Root("nova"), "Conflicting Nova Cloud credentials",
			"Nova Cloud takes an api_key (NOVA_API_KEY) or an email and password (NOVA_EMAIL, NOVA_PASSWORD), not both.")
		return
	case (novaCfg.Email == "") != (novaCfg.Password == ""):
		resp.Diagnostics.AddAttributeError(path.Root("nova"), "Incomplete Nova Cloud credentials",
			"Logging in to Nova Cloud needs both email and password (or NOVA_EMAIL and NOVA_PASSWORD); only one is set.")
		return
	}
	if cfg.Novitai == nil {
		cfg.Novitai = &apiKeyBlock{}
	}
	novitaiKey := setting(resp, path.Root("novitai").AtName("api_key"), cfg.Novitai.APIKey, "NOVITAI_API_KEY")
	novitaiEndpoint := setting(resp, path.Root("novitai").AtName("endpoint"), cfg.Novitai.Endpoint, "NOVITAI_ENDPOINT")
	switch {
	case resp.Diagnostics.HasError():
		return
	case novitaiKey != "" && novitaiEndpoint == "":
		resp.Diagnostics.AddAttributeError(path.Root("novitai").AtName("endpoint"), "novitai endpoint missing",
			"novitai is self-hosted: set novitai.endpoint (or NOVITAI_ENDPOINT) to your service's URL.")
		return
	case novitaiKey != "":
		client, err := novitaiapi.New(novitaiapi.Config{Endpoint: novitaiEndpoint, APIKey: novitaiKey, UserAgent: userAgent, Tuning: tuning})
		if err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("novitai").AtName("endpoint"), "Invalid novitai endpoint", err.Error())
			return
		}
		clients.Novitai = client
	}

	novaClient, err := novaapi.New(novaCfg)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("nova").AtName("endpoint"), "Invalid Nova Cloud endpoint", err.Error())
		return
	}
	clients.Nova = novaClient
	clients.NovaConfigured = novaCfg.APIKey != "" || novaCfg.Email != "" || novaCfg.Endpoint != ""

	resp.ResourceData = clients
	resp.DataSourceData = clients
}

// setting is the configured value, else the environment variable. A value
// not known until apply cannot configure a client during plan.
func setting(resp *provider.ConfigureResponse, p path.Path, v types.String, env string) string {
	if v.IsUnknown() {
		resp.Diagnostics.AddAttributeError(p, "Provider setting not known at plan time",
			fmt.Sprintf("%s depends on a value known only after apply. Use a literal, a variable or the %s environment variable.", p, env))
		return ""
	}
	if !v.IsNull() && v.ValueString() != "" {
		return v.ValueString()
	}
	return os.Getenv(env)
}

// durationSetting is setting for a duration; zero when neither the argument
// nor the environment variable is set. The environment bypasses the schema's
// validator, so the value is checked here too.
func durationSetting(resp *provider.ConfigureResponse, p path.Path, v types.String, env string) time.Duration {
	raw := setting(resp, p, v, env)
	if raw == "" {
		return 0
	}
	d, err := time.ParseDuration(raw)
	if err != nil || d <= 0 {
		resp.Diagnostics.AddAttributeError(p, "Invalid duration",
			fmt.Sprintf("%q (from %s or %s) is not a positive duration such as \"30s\"", raw, p, env))
		return 0
	}
	return d
}

func (p *gpucloudProvider) Resources(context.Context) []func() resource.Resource {
	return slices.Concat(verda.Resources(), tensordock.Resources(), bluelobster.Resources(), nova.Resources(), novitai.Resources())
}

func (p *gpucloudProvider) DataSources(context.Context) []func() datasource.DataSource {
	return slices.Concat(verda.DataSources(), tensordock.DataSources(), bluelobster.DataSources(), nova.DataSources(), novitai.DataSources(),
		[]func() datasource.DataSource{offers.NewDataSource})
}
