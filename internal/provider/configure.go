package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	bluelobsterapi "github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	novaapi "github.com/gpucloud/terraform-provider-gpucloud/internal/nova/api"
	novitaiapi "github.com/gpucloud/terraform-provider-gpucloud/internal/novitai/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/providerdata"
	tensordockapi "github.com/gpucloud/terraform-provider-gpucloud/internal/tensordock/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	verdaapi "github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

// Configure builds a client for every cloud the configuration (or the
// environment) gives credentials for, one cloud at a time.
func (p *gpucloudProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := &configuration{resp: resp, userAgent: fmt.Sprintf("terraform-provider-gpucloud/%s (+terraform %s)", p.version, req.TerraformVersion)}
	c.tuning = transport.Tuning{
		AttemptTimeout: c.duration(path.Root("request_timeout"), cfg.RequestTimeout, "GPUCLOUD_REQUEST_TIMEOUT"),
		MaxRetryTime:   c.duration(path.Root("max_retry_time"), cfg.MaxRetryTime, "GPUCLOUD_MAX_RETRY_TIME"),
		RecordDir:      requestRecordDir(),
	}
	clients := &providerdata.Clients{Claims: &adopt.Claims{}}
	clients.PollInterval = c.duration(path.Root("poll_interval"), cfg.PollInterval, "GPUCLOUD_POLL_INTERVAL")
	for _, configure := range []func(*configuration, providerModel, *providerdata.Clients){
		configureVerda, configureTensorDock, configureBlueLobster, configureNova, configureNovitai,
	} {
		if resp.Diagnostics.HasError() {
			return
		}
		configure(c, cfg, clients)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.ResourceData = clients
	resp.DataSourceData = clients
}

// requestRecordDir is where the clients keep their request records, which
// let provider processes one after another share each account's budget.
func requestRecordDir() string {
	switch dir := os.Getenv("GPUCLOUD_REQUEST_RECORD_DIR"); dir {
	case "off":
		return ""
	case "":
		cache, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(cache, "terraform-provider-gpucloud", "requests")
	default:
		return dir
	}
}

// configuration is what every cloud's client is configured with.
type configuration struct {
	resp      *provider.ConfigureResponse
	userAgent string
	tuning    transport.Tuning
}

func (c *configuration) failed() bool { return c.resp.Diagnostics.HasError() }

// badEndpoint reports a client that could not be made of the endpoint given.
func (c *configuration) badEndpoint(block, cloud string, err error) {
	c.resp.Diagnostics.AddAttributeError(path.Root(block).AtName("endpoint"), "Invalid "+cloud+" endpoint", err.Error())
}

func configureVerda(c *configuration, cfg providerModel, clients *providerdata.Clients) {
	b := cfg.Verda
	if b == nil {
		b = &verdaBlock{}
	}
	id := c.setting(path.Root("verda").AtName("client_id"), b.ClientID, "VERDA_CLIENT_ID")
	secret := c.setting(path.Root("verda").AtName("client_secret"), b.ClientSecret, "VERDA_CLIENT_SECRET")
	endpoint := c.setting(path.Root("verda").AtName("endpoint"), b.Endpoint, "VERDA_ENDPOINT")
	switch {
	case c.failed():
	case id != "" && secret != "":
		client, err := verdaapi.New(verdaapi.Config{Endpoint: endpoint, ClientID: id, ClientSecret: secret, UserAgent: c.userAgent, Tuning: c.tuning})
		if err != nil {
			c.badEndpoint("verda", "Verda", err)
			return
		}
		clients.Verda = client
	case id != "" || secret != "":
		c.resp.Diagnostics.AddAttributeError(path.Root("verda"), "Incomplete Verda credentials",
			"Verda needs both client_id and client_secret (or VERDA_CLIENT_ID and VERDA_CLIENT_SECRET); only one is set.")
	}
}

func configureTensorDock(c *configuration, cfg providerModel, clients *providerdata.Clients) {
	b := cfg.TensorDock
	if b == nil {
		b = &tensordockBlock{}
	}
	token := c.setting(path.Root("tensordock").AtName("api_token"), b.APIToken, "TENSORDOCK_API_TOKEN")
	endpoint := c.setting(path.Root("tensordock").AtName("endpoint"), b.Endpoint, "TENSORDOCK_ENDPOINT")
	if c.failed() || token == "" {
		return
	}
	client, err := tensordockapi.New(tensordockapi.Config{Endpoint: endpoint, Token: token, UserAgent: c.userAgent, Tuning: c.tuning})
	if err != nil {
		c.badEndpoint("tensordock", "TensorDock", err)
		return
	}
	clients.TensorDock = client
}

func configureBlueLobster(c *configuration, cfg providerModel, clients *providerdata.Clients) {
	b := cfg.BlueLobster
	if b == nil {
		b = &apiKeyBlock{}
	}
	key := c.setting(path.Root("bluelobster").AtName("api_key"), b.APIKey, "BLUELOBSTER_API_KEY")
	endpoint := c.setting(path.Root("bluelobster").AtName("endpoint"), b.Endpoint, "BLUELOBSTER_ENDPOINT")
	if c.failed() || key == "" {
		return
	}
	client, err := bluelobsterapi.New(bluelobsterapi.Config{Endpoint: endpoint, APIKey: key, UserAgent: c.userAgent, Tuning: c.tuning})
	if err != nil {
		c.badEndpoint("bluelobster", "Blue Lobster", err)
		return
	}
	clients.BlueLobster = client
}

// configureNova always makes a client: Nova's offers and pricing need no
// credentials.
func configureNova(c *configuration, cfg providerModel, clients *providerdata.Clients) {
	b := cfg.Nova
	declared := b != nil
	if b == nil {
		b = &novaBlock{}
	}
	nc := novaapi.Config{
		APIKey:    c.setting(path.Root("nova").AtName("api_key"), b.APIKey, "NOVA_API_KEY"),
		Email:     c.setting(path.Root("nova").AtName("email"), b.Email, "NOVA_EMAIL"),
		Password:  c.setting(path.Root("nova").AtName("password"), b.Password, "NOVA_PASSWORD"),
		Endpoint:  c.setting(path.Root("nova").AtName("endpoint"), b.Endpoint, "NOVA_ENDPOINT"),
		UserAgent: c.userAgent,
		Tuning:    c.tuning,
	}
	switch {
	case c.failed():
		return
	case nc.APIKey != "" && (nc.Email != "" || nc.Password != ""):
		c.resp.Diagnostics.AddAttributeError(path.Root("nova"), "Conflicting Nova Cloud credentials",
			"Nova Cloud takes an api_key (NOVA_API_KEY) or an email and password (NOVA_EMAIL, NOVA_PASSWORD), not both.")
		return
	case (nc.Email == "") != (nc.Password == ""):
		c.resp.Diagnostics.AddAttributeError(path.Root("nova"), "Incomplete Nova Cloud credentials",
			"Logging in to Nova Cloud needs both email and password (or NOVA_EMAIL and NOVA_PASSWORD); only one is set.")
		return
	}
	client, err := novaapi.New(nc)
	if err != nil {
		c.badEndpoint("nova", "Nova Cloud", err)
		return
	}
	clients.Nova = client
	// An empty nova {} block says to use Nova: its offers need no credentials.
	clients.NovaConfigured = declared || nc.APIKey != "" || nc.Email != "" || nc.Endpoint != ""
}

func configureNovitai(c *configuration, cfg providerModel, clients *providerdata.Clients) {
	b := cfg.Novitai
	if b == nil {
		b = &apiKeyBlock{}
	}
	key := c.setting(path.Root("novitai").AtName("api_key"), b.APIKey, "NOVITAI_API_KEY")
	endpoint := c.setting(path.Root("novitai").AtName("endpoint"), b.Endpoint, "NOVITAI_ENDPOINT")
	switch {
	case c.failed() || key == "":
	case endpoint == "":
		c.resp.Diagnostics.AddAttributeError(path.Root("novitai").AtName("endpoint"), "novitai endpoint missing",
			"novitai is self-hosted: set novitai.endpoint (or NOVITAI_ENDPOINT) to your service's URL.")
	default:
		client, err := novitaiapi.New(novitaiapi.Config{Endpoint: endpoint, APIKey: key, UserAgent: c.userAgent, Tuning: c.tuning})
		if err != nil {
			c.badEndpoint("novitai", "novitai", err)
			return
		}
		clients.Novitai = client
	}
}

// setting is the configured value, else the environment variable. A value
// not known until apply cannot configure a client during plan.
func (c *configuration) setting(p path.Path, v types.String, env string) string {
	if v.IsUnknown() {
		c.resp.Diagnostics.AddAttributeError(p, "Provider setting not known at plan time",
			fmt.Sprintf("%s depends on a value known only after apply. Use a literal, a variable or the %s environment variable.", p, env))
		return ""
	}
	if !v.IsNull() && v.ValueString() != "" {
		return v.ValueString()
	}
	return os.Getenv(env)
}

// duration is setting for a duration; zero when neither the argument nor
// the environment variable is set. The environment bypasses the schema's
// validator, so the value is checked here too.
func (c *configuration) duration(p path.Path, v types.String, env string) time.Duration {
	raw := c.setting(p, v, env)
	if raw == "" {
		return 0
	}
	d, err := time.ParseDuration(raw)
	if err != nil || d <= 0 {
		c.resp.Diagnostics.AddAttributeError(p, "Invalid duration",
			fmt.Sprintf("%q (from %s or %s) is not a positive duration such as \"30s\"", raw, p, env))
		return 0
	}
	return d
}
