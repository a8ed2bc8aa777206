package api

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// Serverless jobs, from SUPPLEMENT.md: the name is the ID.

// JobScaling is a job's scaling; deadline_seconds is 600 to 604800.
type JobScaling struct {
	MaxReplicaCount        int64 `json:"max_replica_count"`
	QueueMessageTTLSeconds int64 `json:"queue_message_ttl_seconds"`
	DeadlineSeconds        int64 `json:"deadline_seconds"`
}

// Job is a job as Verda returns it.
type Job struct {
	Name             string           `json:"name"`
	RegistrySettings RegistrySettings `json:"container_registry_settings"`
	Containers       []Container      `json:"containers"`
	Compute          Compute          `json:"compute"`
	EndpointBaseURL  string           `json:"endpoint_base_url"`
	CreatedAt        string           `json:"created_at"`
}

// CreateJobRequest is the body of a job's create.
type CreateJobRequest struct {
	Name             string            `json:"name"`
	RegistrySettings *RegistrySettings `json:"container_registry_settings,omitempty"`
	Containers       []Container       `json:"containers"`
	Compute          Compute           `json:"compute"`
	Scaling          JobScaling        `json:"scaling"`
}

// Job statuses.
const (
	JobReady   = "ready"
	JobRunning = "running"
)

func jobPath(name string, rest ...string) string {
	p := "/job-deployments/" + url.PathEscape(name)
	for _, r := range rest {
		p += "/" + r
	}
	return p
}

// CreateJob creates a job.
func (c *Client) CreateJob(ctx context.Context, req CreateJobRequest) error {
	_, err := c.http.Do(ctx, transport.Request{Method: http.MethodPost, Path: "/job-deployments", Body: req})
	return err
}

// GetJob reads a job.
func (c *Client) GetJob(ctx context.Context, name string) (*Job, error) {
	var out Job
	return &out, c.getJSON(ctx, jobPath(name), nil, &out)
}

// PatchJob changes a job's registry settings, compute or containers, which
// carry their names.
func (c *Client) PatchJob(ctx context.Context, name string, req PatchDeploymentRequest) error {
	req.IsSpot = nil // jobs have no spot
	_, err := c.http.Do(ctx, transport.Request{Method: http.MethodPatch, Path: jobPath(name), Body: req})
	return err
}

// GetJobScaling reads a job's scaling.
func (c *Client) GetJobScaling(ctx context.Context, name string) (*JobScaling, error) {
	var out JobScaling
	return &out, c.getJSON(ctx, jobPath(name, "scaling"), nil, &out)
}

// JobStatus is a job's status: ready, running, paused or terminating.
func (c *Client) JobStatus(ctx context.Context, name string) (string, error) {
	var out struct {
		Status string `json:"status"`
	}
	return out.Status, c.getJSON(ctx, jobPath(name, "status"), nil, &out)
}

// DeleteJob deletes a job, letting Verda wait up to timeoutMS for it to go.
func (c *Client) DeleteJob(ctx context.Context, name string, timeoutMS int64) error {
	_, err := c.http.Do(ctx, transport.Request{Method: http.MethodDelete, Path: jobPath(name), Query: url.Values{"timeout": {strconv.FormatInt(timeoutMS, 10)}}})
	return err
}

// ListJobs lists the project's jobs.
func (c *Client) ListJobs(ctx context.Context) ([]Job, error) {
	var out []Job
	return out, c.getJSON(ctx, "/job-deployments", nil, &out)
}
