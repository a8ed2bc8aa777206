package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	bluelobsterapi "github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	novaapi "github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
	tensordockapi "github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/validate"
	verdaapi "github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

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
