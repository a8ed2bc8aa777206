package api

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// Serverless container deployments, from SUPPLEMENT.md: the name is the ID.

// Container is one container of a deployment or job. The server names
// containers; a PATCH must carry the name of the one it changes.
type Container struct {
	Name                 string               `json:"name,omitempty"`
	Image                string               `json:"image"`
	ExposedPort          int64                `json:"exposed_port"`
	ShouldUseCachedImage *bool                `json:"should_use_cached_image,omitempty"`
	Healthcheck          *Healthcheck         `json:"healthcheck,omitempty"`
	EntrypointOverrides  *EntrypointOverrides `json:"entrypoint_overrides,omitempty"`
	Env                  []EnvVar             `json:"env,omitempty"`
	VolumeMounts         []VolumeMount        `json:"volume_mounts,omitempty"`
}

// Healthcheck is sent whole: enabled, port and path.
type Healthcheck struct {
	Enabled bool   `json:"enabled"`
	Port    int64  `json:"port"`
	Path    string `json:"path"`
}

// EntrypointOverrides replaces the image's entrypoint and command.
type EntrypointOverrides struct {
	Enabled    bool     `json:"enabled"`
	Entrypoint []string `json:"entrypoint,omitempty"`
	Cmd        []string `json:"cmd,omitempty"`
}

// EnvVar is a plain value, or (type secret) the name of a secret.
type EnvVar struct {
	Name                     string `json:"name"`
	ValueOrReferenceToSecret string `json:"value_or_reference_to_secret"`
	Type                     string `json:"type"`
}

// VolumeMount is keyed on Type: scratch, secret, shared or memory.
type VolumeMount struct {
	Type       string `json:"type"`
	MountPath  string `json:"mount_path"`
	SecretName string `json:"secret_name,omitempty"`
	VolumeID   string `json:"volume_id,omitempty"`
	SizeInMB   int64  `json:"size_in_mb,omitempty"`
}

// Compute is the GPU (or general compute) and how many.
type Compute struct {
	Name string `json:"name"`
	Size int64  `json:"size"`
}

// RegistrySettings says whether the image is private and with which
// credentials it is pulled.
type RegistrySettings struct {
	IsPrivate   bool             `json:"is_private"`
	Credentials *CredentialsName `json:"credentials"`
}

// CredentialsName names registry credentials.
type CredentialsName struct {
	Name string `json:"name"`
}

// Scaling is how a deployment scales; every field is required on create.
type Scaling struct {
	MinReplicaCount              int64           `json:"min_replica_count"`
	MaxReplicaCount              int64           `json:"max_replica_count"`
	ScaleUpPolicy                DelayPolicy     `json:"scale_up_policy"`
	ScaleDownPolicy              DelayPolicy     `json:"scale_down_policy"`
	QueueMessageTTLSeconds       int64           `json:"queue_message_ttl_seconds"`
	ConcurrentRequestsPerReplica int64           `json:"concurrent_requests_per_replica"`
	ScalingTriggers              ScalingTriggers `json:"scaling_triggers"`
}

// DelayPolicy is a delay before scaling.
type DelayPolicy struct {
	DelaySeconds int64 `json:"delay_seconds"`
}

// ScalingTriggers are the three triggers; all are sent.
type ScalingTriggers struct {
	QueueLoad      QueueLoad   `json:"queue_load"`
	CPUUtilization Utilization `json:"cpu_utilization"`
	GPUUtilization Utilization `json:"gpu_utilization"`
}

// QueueLoad scales on queued requests per replica.
type QueueLoad struct {
	Threshold Number `json:"threshold"`
}

// Utilization scales on a utilization percentage.
type Utilization struct {
	Enabled   bool   `json:"enabled"`
	Threshold Number `json:"threshold"`
}

// Deployment is a deployment as Verda returns it; it carries no scaling and
// no status.
type Deployment struct {
	Name             string           `json:"name"`
	RegistrySettings RegistrySettings `json:"container_registry_settings"`
	Containers       []Container      `json:"containers"`
	Compute          Compute          `json:"compute"`
	IsSpot           bool             `json:"is_spot"`
	EndpointBaseURL  string           `json:"endpoint_base_url"`
	CreatedAt        string           `json:"created_at"`
}

// CreateDeploymentRequest is the body of a create.
type CreateDeploymentRequest struct {
	Name             string           `json:"name"`
	RegistrySettings RegistrySettings `json:"container_registry_settings"`
	Containers       []Container      `json:"containers"`
	Compute          Compute          `json:"compute"`
	Scaling          Scaling          `json:"scaling"`
	IsSpot           bool             `json:"is_spot"`
}

// PatchDeploymentRequest changes a deployment; containers carry their names.
type PatchDeploymentRequest struct {
	RegistrySettings *RegistrySettings `json:"container_registry_settings,omitempty"`
	Containers       []Container       `json:"containers,omitempty"`
	Compute          *Compute          `json:"compute,omitempty"`
	IsSpot           *bool             `json:"is_spot,omitempty"`
}

// Replica is one running copy of a deployment.
type Replica struct {
	ID        string `json:"id"`
	Status    string `json:"status"`
	StartedAt string `json:"started_at"`
}

// Deployment statuses.
const (
	DeploymentHealthy      = "healthy"
	DeploymentUnhealthy    = "unhealthy"
	DeploymentQuotaReached = "quota_reached"
	DeploymentImagePulling = "image_pulling"
)

func deploymentPath(name string, rest ...string) string {
	return "/container-deployments/" + url.PathEscape(name) + strings.Join(append([]string{""}, rest...), "/")
}

// CreateDeployment creates a deployment; it is not healthy yet.
func (c *Client) CreateDeployment(ctx context.Context, req CreateDeploymentRequest) (*Deployment, error) {
	var out Deployment
	_, err := c.http.DoJSON(ctx, transport.Request{Method: http.MethodPost, Path: "/container-deployments", Body: req}, &out)
	return &out, err
}

// GetDeployment reads a deployment.
func (c *Client) GetDeployment(ctx context.Context, name string) (*Deployment, error) {
	var out Deployment
	return &out, c.getJSON(ctx, deploymentPath(name), nil, &out)
}

// ListDeployments lists the project's deployments (without their status).
func (c *Client) ListDeployments(ctx context.Context) ([]Deployment, error) {
	var out []Deployment
	return out, c.getJSON(ctx, "/container-deployments", nil, &out)
}

// PatchDeployment changes a deployment's registry settings, compute, spot
// or containers.
func (c *Client) PatchDeployment(ctx context.Context, name string, req PatchDeploymentRequest) error {
	_, err := c.http.Do(ctx, transport.Request{Method: http.MethodPatch, Path: deploymentPath(name), Body: req})
	return err
}

// GetScaling reads a deployment's scaling.
func (c *Client) GetScaling(ctx context.Context, name string) (*Scaling, error) {
	var out Scaling
	return &out, c.getJSON(ctx, deploymentPath(name, "scaling"), nil, &out)
}

// PatchScaling changes a deployment's scaling.
func (c *Client) PatchScaling(ctx context.Context, name string, s Scaling) error {
	_, err := c.http.Do(ctx, transport.Request{Method: http.MethodPatch, Path: deploymentPath(name, "scaling"), Body: s})
	return err
}

// DeploymentStatus is a deployment's status, such as healthy.
func (c *Client) DeploymentStatus(ctx context.Context, name string) (string, error) {
	var out struct {
		Status string `json:"status"`
	}
	return out.Status, c.getJSON(ctx, deploymentPath(name, "status"), nil, &out)
}

// DeploymentReplicas lists a deployment's replicas.
func (c *Client) DeploymentReplicas(ctx context.Context, name string) ([]Replica, error) {
	var out struct {
		List []Replica `json:"list"`
	}
	return out.List, c.getJSON(ctx, deploymentPath(name, "replicas"), nil, &out)
}

// DeleteDeployment deletes a deployment, letting Verda wait up to timeoutMS
// for it to go (0: not at all).
func (c *Client) DeleteDeployment(ctx context.Context, name string, timeoutMS int64) error {
	_, err := c.http.Do(ctx, transport.Request{Method: http.MethodDelete, Path: deploymentPath(name),
		Query: url.Values{"timeout": {strconv.FormatInt(timeoutMS, 10)}}})
	return err
}

// SystemLogs are up to limit system log lines of a deployment, as Verda
// orders them. The supplement names the call and its filters but not its
// answer, so any list of strings, or of objects with a message, is read.
func (c *Client) SystemLogs(ctx context.Context, name string, limit int) ([]string, error) {
	var raw json.RawMessage
	if err := c.getJSON(ctx, deploymentPath(name, "system-logs"), url.Values{"limit": {strconv.Itoa(limit)}}, &raw); err != nil {
		return nil, err
	}
	lines := logLines(raw)
	if len(lines) > limit {
		lines = lines[len(lines)-limit:]
	}
	return lines, nil
}

// logLines reads the lines of a log answer of any shape it may have.
func logLines(raw json.RawMessage) []string {
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		var wrapped map[string]json.RawMessage
		if json.Unmarshal(raw, &wrapped) != nil {
			return nil
		}
		for _, key := range []string{"logs", "list", "data", "items", "lines"} {
			if inner, ok := wrapped[key]; ok {
				return logLines(inner)
			}
		}
		return nil
	}
	var out []string
	for _, item := range list {
		var s string
		if json.Unmarshal(item, &s) == nil {
			out = append(out, s)
			continue
		}
		var fields map[string]any
		if json.Unmarshal(item, &fields) != nil {
			continue
		}
		for _, key := range []string{"message", "msg", "log", "text", "line"} {
			if s, ok := fields[key].(string); ok {
				out = append(out, s)
				break
			}
		}
	}
	return out
}
