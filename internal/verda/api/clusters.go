package api

import (
	"context"
	"net/http"
	"net/url"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/jsonx"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// Instant clusters: document 002 with the supplement.

// DeployClusterRequest is the body of POST /clusters.
type DeployClusterRequest struct {
	ClusterType     string       `json:"cluster_type"`
	Image           string       `json:"image"`
	Hostname        string       `json:"hostname"`
	Description     string       `json:"description"`
	LocationCode    string       `json:"location_code"`
	SharedVolume    SharedVolume `json:"shared_volume"`
	SSHKeyIDs       []string     `json:"ssh_key_ids,omitempty"`
	StartupScriptID string       `json:"startup_script_id,omitempty"`
	Contract        string       `json:"contract,omitempty"`
	ExistingVolumes []ExistingID `json:"existing_volumes,omitempty"`
	Tags            []TagSpec    `json:"tags,omitempty"`
}

// SharedVolume is the cluster's shared filesystem, mounted at /home.
type SharedVolume struct {
	Name string `json:"name"`
	Size int64  `json:"size"`
}

// ExistingID names an existing volume.
type ExistingID struct {
	ID string `json:"id"`
}

// Cluster is a cluster as Verda returns it.
type Cluster struct {
	ID              string          `json:"id"`
	IP              string          `json:"ip"`
	Status          string          `json:"status"`
	CreatedAt       string          `json:"created_at"`
	Hostname        string          `json:"hostname"`
	Description     string          `json:"description"`
	Location        string          `json:"location"`
	PricePerHour    Number          `json:"price_per_hour"`
	ClusterType     string          `json:"cluster_type"`
	Image           string          `json:"image"`
	OSName          string          `json:"os_name"`
	StartupScriptID string          `json:"startup_script_id"`
	SSHKeyIDs       []string        `json:"ssh_key_ids"`
	WorkerNodes     []WorkerNode    `json:"worker_nodes"`
	SharedVolumes   []ClusterVolume `json:"shared_volumes"`
	Tags            *[]Tag          `json:"tags"`
}

// WorkerNode is a node of a cluster, reached from the jump host. Document
// 002 lists worker nodes and shared volumes as strings: an ID alone is read.
type WorkerNode struct {
	ID        string `json:"id"`
	Hostname  string `json:"hostname"`
	PublicIP  string `json:"public_ip"`
	PrivateIP string `json:"private_ip"`
	Status    string `json:"status"`
}

func (n *WorkerNode) UnmarshalJSON(b []byte) error {
	type plain WorkerNode
	return jsonx.ObjectOrID(b, &n.ID, (*plain)(n))
}

// ClusterVolume is a shared volume of a cluster.
type ClusterVolume struct {
	ID              string `json:"id"`
	Name            string `json:"name"`
	MountPoint      string `json:"mount_point"`
	SizeInGigabytes int64  `json:"size_in_gigabytes"`
}

func (v *ClusterVolume) UnmarshalJSON(b []byte) error {
	type plain ClusterVolume
	return jsonx.ObjectOrID(b, &v.ID, (*plain)(v))
}

// ClusterType is a kind of cluster with its price.
type ClusterType struct {
	ClusterType  string   `json:"cluster_type"`
	Model        string   `json:"model"`
	Name         string   `json:"name"`
	GPU          Hardware `json:"gpu"`
	CPU          Hardware `json:"cpu"`
	Memory       Hardware `json:"memory"`
	PricePerHour Number   `json:"price_per_hour"`
	Currency     string   `json:"currency"`
}

// ClusterAvailability is the cluster types a location can deploy now.
type ClusterAvailability struct {
	LocationCode   string   `json:"location_code"`
	Availabilities []string `json:"availabilities"`
}

// TaggedClusters is the tag calls' object kind for clusters.
const TaggedClusters = "clusters"

// DeployCluster orders a cluster and returns its ID.
func (c *Client) DeployCluster(ctx context.Context, req DeployClusterRequest) (string, error) {
	return c.create(ctx, "/clusters", req)
}

// GetCluster reads one cluster.
func (c *Client) GetCluster(ctx context.Context, id string) (*Cluster, error) {
	var out Cluster
	return &out, c.getJSON(ctx, "/clusters/"+url.PathEscape(id), nil, &out)
}

// ListClusters lists the project's clusters.
func (c *Client) ListClusters(ctx context.Context) ([]Cluster, error) {
	var out []Cluster
	return out, c.getJSON(ctx, "/clusters", nil, &out)
}

// DiscontinueCluster deletes a cluster; its shared volumes are detached, not deleted.
func (c *Client) DiscontinueCluster(ctx context.Context, id string) error {
	_, err := c.http.Do(ctx, transport.Request{Method: http.MethodPut, Path: "/clusters",
		Body: map[string]any{"actions": []map[string]string{{"action": "discontinue", "id": id}}}})
	return err
}

// ListClusterTypes lists the cluster types with prices in currency ("" for
// Verda's default).
func (c *Client) ListClusterTypes(ctx context.Context, currency string) ([]ClusterType, error) {
	var query url.Values
	if currency != "" {
		query = url.Values{"currency": {currency}}
	}
	var out []ClusterType
	return out, c.getJSON(ctx, "/cluster-types", query, &out)
}

// ListClusterAvailability lists, per location, the cluster types it can deploy now.
func (c *Client) ListClusterAvailability(ctx context.Context) ([]ClusterAvailability, error) {
	var out []ClusterAvailability
	return out, c.getJSON(ctx, "/cluster-availability", nil, &out)
}

// ListClusterImages lists the images clusters deploy.
func (c *Client) ListClusterImages(ctx context.Context) ([]Image, error) {
	var out []Image
	return out, c.getJSON(ctx, "/images/cluster", nil, &out)
}
