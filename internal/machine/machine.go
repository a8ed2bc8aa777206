// Package machine is one shape for a GPU machine on any cloud: what it
// takes to launch one, read it, power it and delete it. Each cloud's
// package implements Cloud with the same code its own instance resource
// uses, so gpucloud_gpu_instance never holds a second implementation of a
// cloud's create, wait, read or delete.
package machine

import (
	"context"
	"errors"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
)

// Power states, as the instance resources spell them.
const (
	Running = "running"
	Stopped = "stopped"
)

// Spec is what a launch asks of the cloud.
type Spec struct {
	// Name names the machine where the cloud takes a name.
	Name string
	// InstanceType and Location are the cloud's own, as an offer carries them.
	InstanceType, Location string
	// GPUModel and GPUCount are the cloud's own GPU name and count, for
	// clouds that size a machine per GPU (TensorDock, Nova).
	GPUModel string
	GPUCount int64
	// VCPUs and MemoryGB size clouds that price them apart (TensorDock).
	VCPUs, MemoryGB int64
	Spot            bool
	// Image is the cloud's own image name or ID.
	Image        string
	SSHPublicKey string
	// DiskGB is the boot disk's size; 0 leaves it to the cloud's default.
	DiskGB int64
}

// Machine is a launched machine as the cloud reports it.
type Machine struct {
	ID, Name     string
	InstanceType string
	// Location is where it runs as its cloud's offers name it, "" where the
	// machine does not say.
	Location string
	// GPUName is the cloud's own name for the GPU; GPUCount how many.
	GPUName  string
	GPUCount int64
	// Status is the cloud's own word for the machine's state.
	Status string
	// Power is Running or Stopped, or "" while it is neither.
	Power   string
	IP      string
	SSHUser string
	// SSHPort is the port that reaches the machine's port 22.
	SSHPort      int64
	PricePerHour float64
	Currency     string
	// DiskIDs are the machine's disks that its cloud bills apart from it.
	DiskIDs []string
	// Gone: the cloud still lists the machine, but it is deleted.
	Gone bool
}

// Cloud launches, reads, powers and deletes one cloud's machines.
type Cloud interface {
	// Name is the cloud's name in gpucloud_gpu_offers: "verda".
	Name() string
	// Image turns an OS name such as "ubuntu-24.04" into the cloud's image.
	Image(ctx context.Context, os string) (string, error)
	// Launch sends the create and returns the machine's ID as soon as the
	// cloud names it. A lost answer is adopted only with proof.
	Launch(ctx context.Context, spec Spec) (string, error)
	// WaitLaunched waits until a launched machine runs and returns it; on
	// error it returns the last machine seen, or nil.
	WaitLaunched(ctx context.Context, id string) (*Machine, error)
	// Read reads a machine; it is gone when transport.IsNotFound holds for
	// the error, or the machine says Gone.
	Read(ctx context.Context, id string) (*Machine, error)
	// SetPower starts or stops a machine and waits until it is so.
	SetPower(ctx context.Context, id, power string) (*Machine, error)
	// Delete deletes a machine, with the cloud's safest choice for its
	// disks, and waits until it is gone.
	Delete(ctx context.Context, id string) error
	// Named lists the cloud's machines that bear name, for the plan's
	// warning about machines a killed apply may have left; none on a cloud
	// that takes no names.
	Named(ctx context.Context, name string) ([]adopt.Candidate, error)
	// Failed tells a status in which the machine cannot run again (a deploy
	// that failed, a spot machine discontinued): it is replaced.
	Failed(status string) bool
	// NoCapacity tells an error that says the cloud has no machine of the
	// kind asked for free right now, so that another offer may succeed.
	NoCapacity(err error) bool
}

// ErrNoSuchImage is returned by Image when the cloud has no image for the OS.
var ErrNoSuchImage = errors.New("no image for this OS")
