// Command gpucloud-sim serves simulated GPU cloud APIs on one loopback port.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/bluelobster"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/tensordock"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/verda"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gpucloud-sim:", err)
		os.Exit(1)
	}
}

func run() error {
	listen := flag.String("listen", "127.0.0.1:8787", "address to listen on (port 0 picks a free port)")
	verdaID := flag.String("verda-client-id", verda.DefaultClientID, "Verda client ID the simulator accepts")
	verdaSecret := flag.String("verda-client-secret", verda.DefaultClientSecret, "Verda client secret the simulator accepts")
	tensordockToken := flag.String("tensordock-token", tensordock.DefaultToken, "TensorDock API token the simulator accepts")
	bluelobsterKey := flag.String("bluelobster-api-key", bluelobster.DefaultAPIKey, "Blue Lobster API key the simulator accepts")
	stateFile := flag.String("state-file", "", "keep the clouds' objects in this file, so that they survive a restart")
	flag.Parse()

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	s := sim.New(sim.Options{
		Verda:       verda.Options{ClientID: *verdaID, ClientSecret: *verdaSecret},
		TensorDock:  tensordock.Options{Token: *tensordockToken},
		BlueLobster: bluelobster.Options{APIKey: *bluelobsterKey},
	})
	if *stateFile != "" {
		if err := s.LoadState(*stateFile); err != nil {
			return err
		}
		s.Changed = func() {
			if err := s.SaveState(*stateFile); err != nil {
				fmt.Fprintln(os.Stderr, "gpucloud-sim: saving the state:", err)
			}
		}
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}

	base := "http://" + ln.Addr().String()
	for _, c := range s.Clouds() {
		fmt.Printf("gpucloud-sim: %-12s %s%s\n", c.Name(), base, c.Prefix())
	}
	fmt.Printf("gpucloud-sim: %-12s %s/_sim/\n", "admin", base)
	fmt.Printf("gpucloud-sim: ready on %s\n", base)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errs := make(chan error, 1)
	go func() { errs <- srv.Serve(ln) }()
	select {
	case err := <-errs:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	if *stateFile != "" {
		if err := s.SaveState(*stateFile); err != nil {
			return fmt.Errorf("saving the state: %w", err)
		}
	}
	fmt.Println("gpucloud-sim: stopped")
	return nil
}
