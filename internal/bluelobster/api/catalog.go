package api

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/jsonx"
)

// InstanceType is a launchable shape with the regions that have room now.
type InstanceType struct {
	Name              string
	Description       string
	PriceCentsPerHour float64
	VCPUs             int64
	MemoryGiB         int64
	StorageGiB        int64
	GPUs              int64
	GPUModel          string
	Regions           []string
}

type instanceTypeWire struct {
	ID           string `json:"id"`
	InstanceType struct {
		Name              string       `json:"name"`
		Description       string       `json:"description"`
		PriceCentsPerHour jsonx.Number `json:"price_cents_per_hour"`
		Specs             struct {
			VCPUs      int64  `json:"vcpus"`
			MemoryGiB  int64  `json:"memory_gib"`
			StorageGiB int64  `json:"storage_gib"`
			GPUs       int64  `json:"gpus"`
			GPUModel   string `json:"gpu_model"`
		} `json:"specs"`
	} `json:"instance_type"`
	Regions []json.RawMessage `json:"regions_with_capacity_available"`
}

// regionName reads a region given as "igl" or as {"name": "igl", ...}.
func regionName(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var obj struct {
		Name string `json:"name"`
	}
	_ = json.Unmarshal(raw, &obj)
	return obj.Name
}

// ListInstanceTypes lists instance types with their capacity.
func (c *Client) ListInstanceTypes(ctx context.Context) ([]InstanceType, error) {
	var out struct {
		Data []instanceTypeWire `json:"data"`
	}
	if err := c.call(ctx, http.MethodGet, "/instances/available", nil, &out); err != nil {
		return nil, err
	}
	types := make([]InstanceType, 0, len(out.Data))
	for _, w := range out.Data {
		t := InstanceType{
			Name: w.InstanceType.Name, Description: w.InstanceType.Description, PriceCentsPerHour: float64(w.InstanceType.PriceCentsPerHour),
			VCPUs: w.InstanceType.Specs.VCPUs, MemoryGiB: w.InstanceType.Specs.MemoryGiB, StorageGiB: w.InstanceType.Specs.StorageGiB,
			GPUs: w.InstanceType.Specs.GPUs, GPUModel: w.InstanceType.Specs.GPUModel, Regions: []string{},
		}
		if t.Name == "" {
			t.Name = w.ID
		}
		for _, r := range w.Regions {
			if name := regionName(r); name != "" {
				t.Regions = append(t.Regions, name)
			}
		}
		types = append(types, t)
	}
	return types, nil
}
