package api

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// Secret is a secret as Verda lists it; its value is never returned.
type Secret struct {
	Name       string `json:"name"`
	CreatedAt  string `json:"created_at"`
	SecretType string `json:"secret_type"`
}

// Secret types.
const (
	SecretGeneric  = "generic"
	SecretFileType = "file-secret"
)

// SecretFile is one file of a file secret.
type SecretFile struct {
	FileName      string `json:"file_name"`
	Base64Content string `json:"base64_content"`
}

// ListSecrets lists the project's secrets, generic and file secrets alike.
func (c *Client) ListSecrets(ctx context.Context) ([]Secret, error) {
	var out []Secret
	return out, c.getJSON(ctx, "/secrets", nil, &out)
}

// CreateSecret stores a secret; the answer has no body.
func (c *Client) CreateSecret(ctx context.Context, name, value string) error {
	_, err := c.http.Do(ctx, transport.Request{Method: http.MethodPost, Path: "/secrets", Body: map[string]string{"name": name, "value": value}})
	return err
}

// CreateFileSecret stores a secret made of files.
func (c *Client) CreateFileSecret(ctx context.Context, name string, files []SecretFile) error {
	_, err := c.http.Do(ctx, transport.Request{Method: http.MethodPost, Path: "/file-secrets", Body: map[string]any{"name": name, "files": files}})
	return err
}

// DeleteSecret deletes a secret (kind SecretGeneric) or a file secret;
// Verda refuses one still in use unless forced.
func (c *Client) DeleteSecret(ctx context.Context, kind, name string, force bool) error {
	path := "/secrets/"
	if kind == SecretFileType {
		path = "/file-secrets/"
	}
	_, err := c.http.Do(ctx, transport.Request{Method: http.MethodDelete, Path: path + url.PathEscape(name), Query: url.Values{"force": {strconv.FormatBool(force)}}})
	return err
}

// RegistryCredentials are a registry login as Verda lists it: its name only.
type RegistryCredentials struct {
	Name      string `json:"name"`
	CreatedAt string `json:"created_at"`
}

// ListRegistryCredentials lists the project's registry credentials.
func (c *Client) ListRegistryCredentials(ctx context.Context) ([]RegistryCredentials, error) {
	var out []RegistryCredentials
	return out, c.getJSON(ctx, "/container-registry-credentials", nil, &out)
}

// CreateRegistryCredentials stores a registry login: name, type and the
// type's own fields.
func (c *Client) CreateRegistryCredentials(ctx context.Context, body map[string]string) error {
	_, err := c.http.Do(ctx, transport.Request{Method: http.MethodPost, Path: "/container-registry-credentials", Body: body})
	return err
}

// DeleteRegistryCredentials deletes a registry login; Verda refuses one in
// use unless forced.
func (c *Client) DeleteRegistryCredentials(ctx context.Context, name string, force bool) error {
	_, err := c.http.Do(ctx, transport.Request{Method: http.MethodDelete, Path: "/container-registry-credentials/" + url.PathEscape(name),
		Query: url.Values{"force": {strconv.FormatBool(force)}}})
	return err
}

// ComputeResource is a serverless compute choice: a GPU (or general
// compute) and how many.
type ComputeResource struct {
	Name        string `json:"name"`
	Size        Number `json:"size"`
	IsAvailable bool   `json:"is_available"`
}

// ListComputeResources lists the serverless compute resources.
func (c *Client) ListComputeResources(ctx context.Context) ([]ComputeResource, error) {
	var out []ComputeResource
	return out, c.getJSON(ctx, "/serverless-compute-resources", nil, &out)
}

// ContainerType is a GPU type serverless containers run on, with its prices.
type ContainerType struct {
	ID                  string   `json:"id"`
	Model               string   `json:"model"`
	Name                string   `json:"name"`
	InstanceType        string   `json:"instance_type"`
	Manufacturer        string   `json:"manufacturer"`
	CPU                 Hardware `json:"cpu"`
	GPU                 Hardware `json:"gpu"`
	GPUMemory           Hardware `json:"gpu_memory"`
	Memory              Hardware `json:"memory"`
	Currency            string   `json:"currency"`
	ServerlessPrice     Number   `json:"serverless_price"`
	ServerlessSpotPrice Number   `json:"serverless_spot_price"`
}

// ListContainerTypes lists the container types with prices in currency
// ("usd" or "eur"; "" for Verda's default).
func (c *Client) ListContainerTypes(ctx context.Context, currency string) ([]ContainerType, error) {
	var query url.Values
	if currency != "" {
		query = url.Values{"currency": {currency}}
	}
	var out []ContainerType
	return out, c.getJSON(ctx, "/container-types", query, &out)
}
