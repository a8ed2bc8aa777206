package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

func (c *Client) getJSON(ctx context.Context, path string, query url.Values, out any) error {
	_, err := c.http.DoJSON(ctx, transport.Request{Method: http.MethodGet, Path: path, Query: query}, out)
	return err
}

// ListLocations lists the datacenters.
func (c *Client) ListLocations(ctx context.Context) ([]Location, error) {
	var out []Location
	return out, c.getJSON(ctx, "/locations", nil, &out)
}

// ListImages lists the OS image types for instances.
func (c *Client) ListImages(ctx context.Context) ([]Image, error) {
	var out []Image
	return out, c.getJSON(ctx, "/images", nil, &out)
}

// ListInstanceTypes lists machine shapes with their prices.
func (c *Client) ListInstanceTypes(ctx context.Context) ([]InstanceType, error) {
	var out []InstanceType
	return out, c.getJSON(ctx, "/instance-types", nil, &out)
}

// ListAvailability lists, per location, the instance types deployable now.
func (c *Client) ListAvailability(ctx context.Context, spot bool) ([]LocationAvailability, error) {
	var out []LocationAvailability
	q := url.Values{availabilitySpotParam: {strconv.FormatBool(spot)}}
	return out, c.getJSON(ctx, "/instance-availability", q, &out)
}

// IsAvailable reports whether an instance type can be deployed now, at a
// location when one is given.
func (c *Client) IsAvailable(ctx context.Context, instanceType, locationCode string, spot bool) (bool, error) {
	q := url.Values{availabilitySpotParam: {strconv.FormatBool(spot)}}
	if locationCode != "" {
		q.Set(availabilityLocationParam, locationCode)
	}
	var out Bool
	if err := c.getJSON(ctx, "/instance-availability/"+url.PathEscape(instanceType), q, &out); err != nil {
		return false, fmt.Errorf("checking availability of %s: %w", instanceType, err)
	}
	return bool(out), nil
}

// ListVolumeTypes lists the kinds of storage with their prices.
func (c *Client) ListVolumeTypes(ctx context.Context) ([]VolumeType, error) {
	var out []VolumeType
	return out, c.getJSON(ctx, "/volume-types", nil, &out)
}

// GetBalance reads the project's balance.
func (c *Client) GetBalance(ctx context.Context) (*Balance, error) {
	var out Balance
	return &out, c.getJSON(ctx, "/balance", nil, &out)
}

// LongTermPeriod is a rental period a long-term contract can run for.
type LongTermPeriod struct {
	Code               string `json:"code"`
	Name               string `json:"name"`
	IsEnabled          bool   `json:"is_enabled"`
	UnitName           string `json:"unit_name"`
	UnitValue          Number `json:"unit_value"`
	DiscountPercentage Number `json:"discount_percentage"`
}

// ListLongTermPeriods lists the long-term periods for "instances" or
// "clusters".
func (c *Client) ListLongTermPeriods(ctx context.Context, of string) ([]LongTermPeriod, error) {
	var out []LongTermPeriod
	return out, c.getJSON(ctx, "/long-term/periods/"+url.PathEscape(of), nil, &out)
}
