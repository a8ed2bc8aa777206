// Serving keeps a provider process's memory and time flat however many
// resources Terraform asks about: its logs are off unless asked for, and
// with them off, requests carry no loggers.
//
// The framework's server keeps the cancel function of every request's
// context until StopProvider (so that it can cancel them all), and with it
// the context and everything hung on it: terraform-plugin-go attaches fresh
// loggers and log fields to each request, tens of kilobytes that then live
// as long as the process. A plan or apply of a thousand instances makes
// thousands of requests and so grows by well over a hundred megabytes.
// When logging is off, those loggers write nothing, so Detached hands the
// framework a context that carries only the request's cancellation.

package provider

import (
	"context"
	"os"
	"runtime/pprof"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
)

// Detached wraps next so that the requests Terraform makes once per resource
// reach it with a context that has the request's cancellation but none of
// its values. Use it only when logging is off: the values are the loggers.
// Other requests, rare or streaming, pass through unchanged.
func Detached(next tfprotov6.ProviderServer) tfprotov6.ProviderServer {
	return server{next}
}

type server struct{ tfprotov6.ProviderServer }

// call runs rpc with a context that ends when ctx does or rpc returns.
func call[Req, Resp any](ctx context.Context, req Req, rpc func(context.Context, Req) (Resp, error)) (Resp, error) {
	lean, cancel := context.WithCancel(context.Background())
	stop := context.AfterFunc(ctx, cancel)
	defer func() {
		stop()
		cancel()
	}()
	return rpc(lean, req)
}

func (s server) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return call(ctx, req, s.ProviderServer.ValidateResourceConfig)
}

func (s server) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return call(ctx, req, s.ProviderServer.UpgradeResourceState)
}

func (s server) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return call(ctx, req, s.ProviderServer.ReadResource)
}

func (s server) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return call(ctx, req, s.ProviderServer.PlanResourceChange)
}

func (s server) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return call(ctx, req, s.ProviderServer.ApplyResourceChange)
}

func (s server) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return call(ctx, req, s.ProviderServer.ImportResourceState)
}

func (s server) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return call(ctx, req, s.ProviderServer.ValidateDataResourceConfig)
}

func (s server) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return call(ctx, req, s.ProviderServer.ReadDataSource)
}

// CPUProfileVariable names the environment variable that, when set, makes
// the provider write a CPU profile of its whole run to the file it names
// (read it with go tool pprof). make bench sets it with BENCH_PROFILE.
const CPUProfileVariable = "GPUCLOUD_CPU_PROFILE"

func profileCPU(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// Address is the provider's address in the registry.
const Address = "registry.terraform.io/gpucloud/gpucloud"

// Serve runs the provider of this version as a plugin until Terraform stops
// it; debug serves it for a debugger such as delve instead.
func Serve(version string, debug bool) error {
	if path := os.Getenv(CPUProfileVariable); path != "" {
		stop, err := profileCPU(path)
		if err != nil {
			return err
		}
		defer stop()
	}
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	} else {
		QuietUnlessAsked(os.Environ(), os.Setenv)
	}
	framework := providerserver.NewProtocol6(New(version)())
	serve := func() tfprotov6.ProviderServer {
		if LoggingOff(os.Getenv) {
			return Detached(framework())
		}
		return framework()
	}
	return tf6server.Serve(Address, serve, opts...)
}
