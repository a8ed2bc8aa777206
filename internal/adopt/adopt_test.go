package adopt

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// cloud is a fake list of matching objects: before the create, what was
// there; after, what the create and anyone else made meanwhile.
type cloud struct {
	before, after []Candidate
	listErr       error
	lists         int
}

func (c *cloud) kind(resource string) Kind {
	return Kind{Resource: resource, What: "test object", Claims: &Claims{}, Matching: func(_ context.Context, fresh bool) ([]Candidate, error) {
		c.lists++
		if c.listErr != nil && fresh {
			return nil, c.listErr
		}
		if fresh {
			return c.after, nil
		}
		return c.before, nil
	}}
}

func answer(id string, err error) func(context.Context) (string, error) {
	return func(context.Context) (string, error) { return id, err }
}

func TestCreate(t *testing.T) {
	ctx := context.Background()
	lost := &transport.NoAnswerError{Sent: true, Err: errors.New("EOF")}
	unreadable := &transport.UnreadableAnswerError{Status: 201, Err: errors.New("invalid character '<'")}
	neverSent := &transport.NoAnswerError{Sent: false, Err: errors.New("refused")}
	refused := &transport.APIError{Status: 400}
	now := time.Now()
	theirs := Candidate{ID: "theirs", Name: "web", CreatedAt: now.Add(-time.Hour)}
	ours := Candidate{ID: "ours", Name: "web", CreatedAt: now}

	t.Run("an answer is taken as it is", func(t *testing.T) {
		c := &cloud{before: []Candidate{theirs}}
		if id, err := Create(ctx, c.kind(t.Name()), answer("a", nil)); id != "a" || err != nil || c.lists != 1 {
			t.Fatalf("%q %v after %d lists", id, err, c.lists)
		}
	})
	t.Run("a refusal or a request never sent is final", func(t *testing.T) {
		for _, cause := range []error{refused, neverSent} {
			c := &cloud{after: []Candidate{ours}}
			if _, err := Create(ctx, c.kind(t.Name()), answer("", cause)); err != cause || c.lists != 1 {
				t.Fatalf("%v after %d lists", err, c.lists)
			}
		}
	})
	t.Run("the one new matching object is adopted, never one that was there before", func(t *testing.T) {
		for _, cause := range []error{lost, unreadable} {
			c := &cloud{before: []Candidate{theirs}, after: []Candidate{theirs, ours}}
			if id, err := Create(ctx, c.kind(t.Name()+cause.Error()), answer("", cause)); id != "ours" || err != nil {
				t.Fatalf("%v: %q %v", cause, id, err)
			}
		}
	})
	t.Run("an object created long before the request is not a candidate", func(t *testing.T) {
		c := &cloud{after: []Candidate{theirs}}
		_, err := Create(ctx, c.kind(t.Name()), answer("", lost))
		var lostErr *LostError
		if !errors.As(err, &lostErr) || len(lostErr.Candidates) != 0 || !strings.Contains(err.Error(), "may not have happened") {
			t.Fatalf("%v", err)
		}
	})
	t.Run("several candidates: none adopted, each listed with its import block", func(t *testing.T) {
		other := Candidate{ID: "other", Name: "web", Status: "running", CreatedAt: now, Price: "0.39 USD"}
		c := &cloud{after: []Candidate{ours, other}}
		_, err := Create(ctx, c.kind("gpucloud_test_instance"), answer("", lost))
		var lostErr *LostError
		if !errors.As(err, &lostErr) || len(lostErr.Candidates) != 2 {
			t.Fatalf("%v", err)
		}
		for _, want := range []string{`ID other, name "web", status running, created`, "0.39 USD per hour",
			"to = gpucloud_test_instance.NAME\n    id = \"ours\"", `id = "other"`, "terraform import gpucloud_test_instance.NAME other", "EOF"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("the error lacks %q:\n%s", want, err)
			}
		}
		if !errors.Is(err, lost) {
			t.Error("the create's own error must stay visible")
		}
	})
	t.Run("import blocks name the resource that imports the object its own way", func(t *testing.T) {
		other := Candidate{ID: "other", CreatedAt: now}
		k := (&cloud{after: []Candidate{ours, other}}).kind("gpucloud_test_instance")
		k.ImportAs = func(id string) (string, string) { return "gpucloud_test_any", "test/" + id }
		_, err := Create(ctx, k, answer("", lost))
		for _, want := range []string{"to = gpucloud_test_any.NAME\n    id = \"test/ours\"", "terraform import gpucloud_test_any.NAME test/other"} {
			if !strings.Contains(fmt.Sprint(err), want) {
				t.Errorf("the error lacks %q:\n%v", want, err)
			}
		}
	})
	t.Run("an object this process created or adopted is never adopted again", func(t *testing.T) {
		k := (&cloud{}).kind("gpucloud_test_claims")
		if _, err := Create(ctx, k, answer("first", nil)); err != nil {
			t.Fatal(err)
		}
		c := &cloud{after: []Candidate{{ID: "first", CreatedAt: now}}}
		k.Matching = c.kind("").Matching
		if id, err := Create(ctx, k, answer("", lost)); err == nil {
			t.Fatalf("adopted %q, which an earlier create of this process made", id)
		}
	})
	t.Run("a create's token proves its object among identical new ones", func(t *testing.T) {
		k := (&cloud{}).kind(t.Name())
		k.Token = NewToken()
		mine := Candidate{ID: "mine", Name: "web", CreatedAt: now, Token: k.Token}
		untagged := Candidate{ID: "untagged", Name: "web", CreatedAt: now}
		k.Matching = (&cloud{after: []Candidate{ours, untagged, mine}}).kind("").Matching
		if id, err := Create(ctx, k, answer("", lost)); id != "mine" || err != nil {
			t.Fatalf("%q %v", id, err)
		}
	})
	t.Run("an object carrying another create's token is no candidate", func(t *testing.T) {
		k := (&cloud{}).kind(t.Name())
		k.Token = NewToken()
		anothers := Candidate{ID: "anothers", Name: "web", CreatedAt: now, Token: NewToken()}
		k.Matching = (&cloud{after: []Candidate{anothers, ours}}).kind("").Matching
		if id, err := Create(ctx, k, answer("", lost)); id != "ours" || err != nil {
			t.Fatalf("with a cloud that drops labels, the one new untokened object is adopted as before: %q %v", id, err)
		}
		k.Matching = (&cloud{after: []Candidate{anothers}}).kind("").Matching
		if id, err := Create(ctx, k, answer("", lost)); err == nil {
			t.Fatalf("adopted %q, which carries another create's token", id)
		}
	})
	t.Run("tokens differ", func(t *testing.T) {
		if a, b := NewToken(), NewToken(); a == b || len(a) != 32 {
			t.Fatalf("%q %q", a, b)
		}
	})
	t.Run("a failed lookup adopts nothing and says so", func(t *testing.T) {
		c := &cloud{after: []Candidate{ours}, listErr: errors.New("HTTP 500")}
		_, err := Create(ctx, c.kind(t.Name()), answer("", lost))
		if err == nil || !strings.Contains(err.Error(), "could not list") || !strings.Contains(err.Error(), "HTTP 500") {
			t.Fatalf("%v", err)
		}
	})
	t.Run("no list before the request: the create goes on, and a lost answer adopts nothing", func(t *testing.T) {
		k := Kind{Resource: "x", What: "test object", Matching: func(_ context.Context, fresh bool) ([]Candidate, error) {
			if fresh {
				return []Candidate{ours}, nil
			}
			return nil, errors.New("HTTP 503")
		}}
		if id, err := Create(ctx, k, answer("made", nil)); id != "made" || err != nil {
			t.Fatalf("a failed list must not stop a create: %q %v", id, err)
		}
		_, err := Create(ctx, k, answer("", lost))
		if err == nil || !strings.Contains(err.Error(), "could not list what existed before the request (HTTP 503)") || !strings.Contains(err.Error(), `id = "ours"`) {
			t.Fatalf("%v", err)
		}
	})
}

func TestParseTime(t *testing.T) {
	for _, s := range []string{"2026-12-01T10:00:00Z", "2026-12-01T10:00:00.123+00:00", "2026-12-01 10:00:00", "2026-12-01T10:00:00"} {
		if got := ParseTime(s); got.IsZero() || got.UTC().Hour() != 10 {
			t.Errorf("ParseTime(%q) = %v", s, got)
		}
	}
	if !ParseTime("yesterday").IsZero() || !ParseTime("").IsZero() {
		t.Error("an unreadable time is zero")
	}
}

func TestKeyed(t *testing.T) {
	var k Keyed
	unlock := k.Lock("i")
	released := make(chan struct{})
	go func() { k.Lock("i")(); close(released) }()
	select {
	case <-released:
		t.Fatal("a second holder got the key while the first held it")
	case <-time.After(20 * time.Millisecond):
	}
	unlock()
	<-released
	k.Lock("other")()
}
