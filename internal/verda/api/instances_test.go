package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
	simcore "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
	simverda "github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

// fastServer provisions in milliseconds and lets the client poll freely.
func fastServer(t *testing.T) (*sim.Server, *api.Client) {
	s, c := start(t, transport.Limits{PerWindow: 100000, Window: time.Second})
	s.Verda.UpdateSwitches(func(sw *simverda.Switches) {
		sw.ProvisionDelay, sw.ActionDelay = simcore.Duration(30*time.Millisecond), simcore.Duration(10*time.Millisecond)
		sw.RateLimits = false
	})
	return s, c
}

// fastSim is fastServer's Verda.
func fastSim(t *testing.T) (*simverda.Cloud, *api.Client) {
	s, c := fastServer(t)
	return s.Verda, c
}

func eventually(t *testing.T, what string, f func() bool) {
	t.Helper()
	for i := 0; i < 200; i++ {
		if f() {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("never: %s", what)
}

func deploy(t *testing.T, c *api.Client, hostname string) string {
	t.Helper()
	id, err := c.DeployInstance(context.Background(), api.DeployRequest{
		InstanceType: "CPU.4V.16G", Image: "ubuntu-24.04", Hostname: hostname, LocationCode: "FIN-01",
		Volumes: []api.NewVolumeSpec{{Name: hostname + "-data", Size: 20, Type: "NVMe"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func status(c *api.Client, id string) string {
	i, err := c.GetInstance(context.Background(), id)
	if err != nil {
		return err.Error()
	}
	return i.Status
}

func TestInstanceLifecycleAndActions(t *testing.T) {
	sim, c := fastSim(t)
	ctx := context.Background()
	id := deploy(t, c, "one")
	if got := status(c, id); got != "ordered" && got != "provisioning" {
		t.Fatalf("a new deploy starts ordered, got %s", got)
	}
	eventually(t, "running", func() bool { return status(c, id) == "running" })
	inst, _ := c.GetInstance(ctx, id)
	if inst.IP == "" || inst.PricePerHour != 0.04 || len(inst.VolumeIDs) != 2 || inst.VolumeIDs[0] != inst.OSVolumeID {
		t.Fatalf("instance %+v", inst)
	}
	if all, err := c.Instances(ctx, true); err != nil || len(all) != 1 || all[0].ID != id {
		t.Fatalf("Instances: %+v %v", all, err)
	}

	// Already running: Verda answers 204, which is success.
	if err := c.InstanceAction(ctx, api.ActionRequest{Action: api.ActionStart, ID: []string{id}}); err != nil {
		t.Fatalf("start of a running instance: %v", err)
	}
	if err := c.InstanceAction(ctx, api.ActionRequest{Action: api.ActionShutdown, ID: []string{id}}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "offline", func() bool { return status(c, id) == "offline" })

	// Several instances, one unknown: a 207 whose failure becomes an error
	// with that instance's own status.
	err := c.InstanceAction(ctx, api.ActionRequest{Action: api.ActionStart, ID: []string{id, "no-such-instance"}})
	var apiErr *transport.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != 404 || !strings.Contains(apiErr.Message, "no-such-instance") {
		t.Fatalf("want the 207's failure, got %v", err)
	}
	if err := c.InstanceAction(ctx, api.ActionRequest{Action: api.ActionStart, ID: []string{"no-such-instance"}}); !transport.IsNotFound(err) {
		t.Fatalf("a single unknown instance is a 404, got %v", err)
	}

	eventually(t, "running again", func() bool { return status(c, id) == "running" })
	vols := inst.VolumeIDs
	empty := []string{}
	if err := c.InstanceAction(ctx, api.ActionRequest{Action: api.ActionDelete, ID: []string{id}, VolumeIDs: &empty}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "deleted", func() bool { _, err := c.GetInstance(ctx, id); return transport.IsNotFound(err) })
	for _, v := range vols {
		st, attached, ok := sim.Volume(v)
		if !ok || st != "detached" || attached != "" {
			t.Fatalf("volume_ids = [] keeps every volume detached; %s is %s/%q/%v", v, st, attached, ok)
		}
	}
}

func TestDeleteDefaultTrashesOnlyTheOSVolume(t *testing.T) {
	sim, c := fastSim(t)
	ctx := context.Background()
	id := deploy(t, c, "two")
	eventually(t, "running", func() bool { return status(c, id) == "running" })
	inst, _ := c.GetInstance(ctx, id)
	if err := c.InstanceAction(ctx, api.ActionRequest{Action: api.ActionDelete, ID: []string{id}}); err != nil {
		t.Fatal(err)
	}
	if st, _, _ := sim.Volume(inst.OSVolumeID); st != "deleted" {
		t.Fatalf("OS volume %s, want deleted (in the trash)", st)
	}
	if st, _, _ := sim.Volume(inst.VolumeIDs[1]); st != "detached" {
		t.Fatalf("data volume %s, want detached", st)
	}
	osVol, err := c.GetVolume(ctx, inst.OSVolumeID)
	if err != nil || osVol.Status != "deleted" || osVol.DeletedAt == "" || osVol.IsPermanentlyDeleted {
		t.Fatalf("a trashed volume reads as deleted: %+v %v", osVol, err)
	}
}

func TestDeployRefusals(t *testing.T) {
	sim, c := fastSim(t)
	ctx := context.Background()
	_, err := c.DeployInstance(ctx, api.DeployRequest{InstanceType: "8H100.80S.176V", Image: "ubuntu-24.04", Hostname: "big", LocationCode: "FIN-01"})
	if !transport.IsCapacity(err) {
		t.Fatalf("no 8H100 in FIN-01: want a capacity error, got %v", err)
	}
	sim.UpdateCatalog(func(cat *simverda.Catalog) { cat.Balance = 0 })
	_, err = c.DeployInstance(ctx, api.DeployRequest{InstanceType: "CPU.4V.16G", Image: "ubuntu-24.04", Hostname: "poor", LocationCode: "FIN-01"})
	var apiErr *transport.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != 402 || apiErr.Code != "insufficient_funds" {
		t.Fatalf("want insufficient_funds, got %v", err)
	}
	_, err = c.DeployInstance(ctx, api.DeployRequest{InstanceType: "CPU.4V.16G", Image: "ubuntu-24.04", Hostname: "nowhere"})
	if !errors.As(err, &apiErr) || apiErr.Status != 400 || !strings.Contains(apiErr.Message, "location_code is required") {
		t.Fatalf("want location_code required, got %v", err)
	}
}

func TestVolumeActions(t *testing.T) {
	_, c := fastSim(t)
	ctx := context.Background()
	inst := deploy(t, c, "host")
	eventually(t, "running", func() bool { return status(c, inst) == "running" })
	_, err := c.CreateVolume(ctx, api.CreateVolumeRequest{Type: "NVMe", LocationCode: "FIN-01", Size: 10, Name: "v", InstanceIDs: []string{inst}})
	var apiErr *transport.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != 403 {
		t.Fatalf("creating attached to a running instance: want 403, got %v", err)
	}
	id, err := c.CreateVolume(ctx, api.CreateVolumeRequest{Type: "NVMe", LocationCode: "FIN-01", Size: 10, Name: "v"})
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, "detached", func() bool { v, _ := c.GetVolume(ctx, id); return v != nil && v.Status == "detached" })
	if err := c.VolumeAction(ctx, api.VolumeActionRequest{Action: api.VolumeActionAttach, ID: []string{id}, InstanceID: inst}); !errors.As(err, &apiErr) || apiErr.Status != 403 {
		t.Fatalf("attach to a running instance: want 403, got %v", err)
	}
	if err := c.VolumeAction(ctx, api.VolumeActionRequest{Action: api.VolumeActionResize, ID: []string{id}, Size: 5}); !errors.As(err, &apiErr) || apiErr.Status != 400 {
		t.Fatalf("shrinking: want 400, got %v", err)
	}
	if err := c.VolumeAction(ctx, api.VolumeActionRequest{Action: api.VolumeActionRename, ID: []string{id}, Name: "w"}); err != nil {
		t.Fatal(err)
	}
	all, err := c.Volumes(ctx, true)
	if err != nil || !slices.ContainsFunc(all, func(v api.Volume) bool { return v.ID == id && v.Name == "w" }) {
		t.Fatalf("Volumes: %+v %v", all, err)
	}
	if err := c.DeleteVolume(ctx, id, false); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteVolume(ctx, id, false); err != nil {
		t.Fatalf("deleting a trashed volume again is a 204: %v", err)
	}
	if err := c.DeleteVolume(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetVolume(ctx, id); !transport.IsNotFound(err) {
		t.Fatalf("a permanently deleted volume is gone, got %v", err)
	}
}

// Deletes that arrive together go out as one PUT /instances; the 207 answer
// is split, so the instance Verda refused fails its own delete alone; and
// absence is read from one list, never from a request per instance.
func TestDeletesArrivingTogetherShareOneRequest(t *testing.T) {
	s, c := fastServer(t)
	ctx := context.Background()
	ids := make([]string, 6)
	for n := range ids {
		ids[n] = deploy(t, c, fmt.Sprintf("batch-%d", n))
	}
	for _, id := range ids {
		eventually(t, "running", func() bool { return status(c, id) == "running" })
	}
	s.Verda.RefuseActions(ids[2], "Instance is locked")
	s.ResetStats()

	errs := make([]error, len(ids))
	var wg sync.WaitGroup
	for n, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if errs[n] = c.DeleteInstance(ctx, api.ActionRequest{Action: api.ActionDelete, ID: []string{id}}); errs[n] == nil {
				errs[n] = c.WaitInstanceGone(ctx, id, wait.Options{Object: id, Floor: 5 * time.Millisecond})
			}
		}()
	}
	wg.Wait()
	for n, err := range errs {
		if n == 2 {
			if err == nil || !strings.Contains(err.Error(), "Instance is locked") || !strings.Contains(err.Error(), ids[2]) {
				t.Fatalf("the refused instance's delete fails with Verda's reason and its ID, got %v", err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("instance %d: %v", n, err)
		}
	}
	st := s.Stats()
	if got := st["PUT /verda/v1/instances"].Count; got != 1 {
		t.Fatalf("6 deletes at once: want 1 PUT /instances, got %d", got)
	}
	if got := st["GET /verda/v1/instances/{id}"].Count; got != 0 {
		t.Fatalf("absence is read from the list: want no single reads, got %d", got)
	}
	if status(c, ids[2]) != "running" {
		t.Fatalf("the refused instance is untouched")
	}
}

// A batch that Verda refuses as a whole is sent again one instance at a
// time, so that only the instance at fault fails.
func TestBatchRefusedAsAWholeIsSplit(t *testing.T) {
	s, c := fastServer(t)
	ctx := context.Background()
	id := deploy(t, c, "whole")
	eventually(t, "running", func() bool { return status(c, id) == "running" })
	if _, err := s.AddFault(sim.Fault{Method: "PUT", Path: "/verda/v1/instances", Kind: sim.FaultStatus, Status: 400, Count: 1}); err != nil {
		t.Fatal(err)
	}
	s.ResetStats()
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for n, target := range []string{id, "not-a-known-instance"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[n] = c.DeleteInstance(ctx, api.ActionRequest{Action: api.ActionDelete, ID: []string{target}})
		}()
	}
	wg.Wait()
	if errs[0] != nil || !transport.IsNotFound(errs[1]) {
		t.Fatalf("want the known instance deleted and the unknown one not found, got %v / %v", errs[0], errs[1])
	}
	if got := s.Stats()["PUT /verda/v1/instances"].Count; got != 3 {
		t.Fatalf("want the refused batch and one request per instance, 3 PUTs, got %d", got)
	}
	eventually(t, "deleted", func() bool { _, err := c.GetInstance(ctx, id); return transport.IsNotFound(err) })
}

// A list that the answer's X-Total-Count says holds more than came back is
// read page by page, so that no instance on a later page is taken for gone.
func TestPaginatedListIsReadWhole(t *testing.T) {
	s := sim.New(sim.Options{})
	const pageSize = 2
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || r.URL.Path != simverda.Prefix+"/instances" {
			s.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, r)
		var all []json.RawMessage
		if err := json.Unmarshal(rec.Body.Bytes(), &all); err != nil {
			t.Errorf("the simulator's list: %v", err)
		}
		page, size := 1, pageSize
		if p := r.URL.Query().Get("page"); p != "" {
			page, _ = strconv.Atoi(p)
			size, _ = strconv.Atoi(r.URL.Query().Get("pageSize"))
		}
		from, to := min(len(all), (page-1)*size), min(len(all), page*size)
		w.Header().Set("X-Page", strconv.Itoa(page))
		w.Header().Set("X-Page-Size", strconv.Itoa(size))
		w.Header().Set("X-Total-Count", strconv.Itoa(len(all)))
		_ = json.NewEncoder(w).Encode(all[from:to])
	}))
	t.Cleanup(srv.Close)
	c, err := api.New(api.Config{Endpoint: srv.URL + simverda.Prefix, ClientID: simverda.DefaultClientID, ClientSecret: simverda.DefaultClientSecret})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for n := range 5 {
		ids = append(ids, deploy(t, c, fmt.Sprintf("paged-%d", n)))
	}
	got, err := c.ListInstances(context.Background())
	if err != nil || len(got) != len(ids) {
		t.Fatalf("want all %d instances over three pages, got %d: %v", len(ids), len(got), err)
	}
	// The instance exists: the wait runs out its time instead of ending with "gone".
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if err := c.WaitInstanceGone(ctx, ids[4], wait.Options{Object: ids[4], Floor: 20 * time.Millisecond}); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("an instance on the last page was taken for gone: %v", err)
	}
}
