package wait

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

func sequence(states ...Observation) func(context.Context) (Observation, error) {
	i := 0
	return func(context.Context) (Observation, error) {
		obs := states[min(i, len(states)-1)]
		i++
		return obs, nil
	}
}

func opts() Options {
	return Options{Object: "Test instance x", Target: []string{"running"}, Failure: []string{"error"}, Floor: time.Millisecond, Ceiling: 4 * time.Millisecond}
}

func TestReachesTargetThroughTransientStates(t *testing.T) {
	obs, err := Until(context.Background(), opts(), sequence(
		Observation{State: "ordered"}, Observation{State: "provisioning"}, Observation{State: "offline"}, Observation{State: "RUNNING"},
	))
	if err != nil || obs.State != "RUNNING" {
		t.Fatalf("got %+v, %v", obs, err)
	}
}

func TestFailureStateEndsWithCloudMessage(t *testing.T) {
	_, err := Until(context.Background(), opts(), sequence(Observation{State: "provisioning"}, Observation{State: "error", Message: "disk quota"}))
	var failed *FailedError
	if !errors.As(err, &failed) || failed.State != "error" || !strings.Contains(err.Error(), "disk quota") || !strings.Contains(err.Error(), "Test instance x") {
		t.Fatalf("got %v", err)
	}
}

func TestTimeoutSaysLastState(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := Until(ctx, opts(), sequence(Observation{State: "provisioning"}))
	var to *TimeoutError
	if !errors.As(err, &to) || to.LastState != "provisioning" || !strings.Contains(err.Error(), "provisioning") {
		t.Fatalf("got %v", err)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatal("a timeout must unwrap to context.DeadlineExceeded")
	}
	if time.Since(start) > 500*time.Millisecond {
		t.Fatalf("wait overran its deadline: %v", time.Since(start))
	}
}

func TestPollErrorEndsWait(t *testing.T) {
	boom := errors.New("boom")
	_, err := Until(context.Background(), opts(), func(context.Context) (Observation, error) { return Observation{}, boom })
	if !errors.Is(err, boom) {
		t.Fatalf("got %v", err)
	}
}

func TestBackoffGrowsToCeiling(t *testing.T) {
	var times []time.Time
	o := opts()
	o.Floor, o.Ceiling = 10*time.Millisecond, 30*time.Millisecond
	_, _ = Until(context.Background(), o, func(context.Context) (Observation, error) {
		times = append(times, time.Now())
		if len(times) == 8 {
			return Observation{State: "running"}, nil
		}
		return Observation{State: "provisioning"}, nil
	})
	first := times[1].Sub(times[0])
	last := times[7].Sub(times[6])
	if first < 7*time.Millisecond || first > 25*time.Millisecond {
		t.Errorf("first pause %v, want about the 10ms floor", first)
	}
	if last < 23*time.Millisecond || last > 60*time.Millisecond {
		t.Errorf("last pause %v, want about the 30ms ceiling", last)
	}
}

func TestIntervalFollowsState(t *testing.T) {
	var asked []string
	o := opts()
	o.Interval = func(state string) time.Duration { asked = append(asked, state); return time.Millisecond }
	_, err := Until(context.Background(), o, sequence(Observation{State: "creating"}, Observation{State: "starting"}, Observation{State: "running"}))
	if err != nil || strings.Join(asked, ",") != "creating,starting" {
		t.Fatalf("asked %v, err %v", asked, err)
	}
}

func TestJitterBounds(t *testing.T) {
	for i := 0; i < 1000; i++ {
		if d := jitter(100 * time.Millisecond); d < 80*time.Millisecond || d > 120*time.Millisecond {
			t.Fatalf("jitter %v out of ±20%%", d)
		}
	}
}

type thing struct{ state string }

func things(states ...string) (func(context.Context) (*thing, error), *int) {
	n := 0
	return func(context.Context) (*thing, error) {
		n++
		if n > len(states) {
			return nil, &transport.APIError{Status: 404}
		}
		return &thing{states[n-1]}, nil
	}, &n
}

func observeThing(t *thing) Observation {
	return Observation{State: t.state, Message: "said " + t.state}
}

func TestForReturnsTheLastObjectSeen(t *testing.T) {
	get, _ := things("ordered", "provisioning", "running")
	last, err := For(context.Background(), opts(), get, observeThing)
	if err != nil || last == nil || last.state != "running" {
		t.Fatalf("got %+v, %v; want the running object", last, err)
	}
	get, _ = things("ordered", "error")
	last, err = For(context.Background(), opts(), get, observeThing)
	var failed *FailedError
	if !errors.As(err, &failed) || failed.Message != "said error" || last == nil || last.state != "error" {
		t.Fatalf("a failure state must end the wait with the object seen: %+v, %v", last, err)
	}
	get, _ = things("ordered")
	last, err = For(context.Background(), opts(), get, observeThing)
	if !transport.IsNotFound(err) || last == nil || last.state != "ordered" {
		t.Fatalf("a read error must end the wait and keep the object last seen: %+v, %v", last, err)
	}
}

func TestGone(t *testing.T) {
	get, n := things("deleting", "deleting")
	o := Options{Object: "thing", Floor: time.Millisecond}
	if err := Gone(context.Background(), o, get, func(t *thing) string { return t.state }); err != nil || *n != 3 {
		t.Fatalf("err %v after %d reads", err, *n)
	}
	get, n = things("deleting", "terminated", "deleting")
	o.Target = []string{"TERMINATED"}
	if err := Gone(context.Background(), o, get, func(t *thing) string { return t.state }); err != nil || *n != 2 {
		t.Fatalf("a gone state must end the wait: err %v after %d reads", err, *n)
	}
	boom := errors.New("boom")
	err := Gone(context.Background(), o, func(context.Context) (*thing, error) { return nil, boom }, func(t *thing) string { return t.state })
	if !errors.Is(err, boom) {
		t.Fatalf("a read error must end the wait: %v", err)
	}
}
