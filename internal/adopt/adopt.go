// Package adopt makes creates safe to lose. When a create's answer is lost
// after the request reached the cloud, or the cloud said it succeeded in
// words that could not be read, the object may exist without anyone knowing
// its ID. It is looked for before the failure is reported, and taken as this
// create's only with proof: it was not there before the request, it matches
// every attribute the request sent that the cloud reports back, it was
// created after the request was sent, and it is the only such object.
// Where the cloud keeps a label that round-trips, the create also carries a
// token of its own, and the one object carrying it is proof enough.
// Another team may use the same names in the same account.
package adopt

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// Candidate is an object of the kind being created, as the cloud lists it.
type Candidate struct {
	ID     string
	Name   string
	Status string
	// CreatedAt is zero when the cloud reports no creation time.
	CreatedAt time.Time
	// Price is the price per hour with its currency ("0.39 USD"), or "".
	Price string
	// Token is the creation token the object carries (see Kind.Token), or
	// "" when it carries none or the cloud does not report it.
	Token string
}

// Kind says how to find the objects a create of one resource kind may
// have made.
type Kind struct {
	// Resource is the resource type, for import commands: "gpucloud_verda_instance".
	Resource string
	// What names the object being created in messages: `Verda instance "web"`.
	What string
	// Matching lists the objects that match every attribute the request
	// sends that the cloud reports back. Unless fresh, the list may be a
	// shared one asked for a few seconds ago; fresh, it must have been asked
	// for after the create ended.
	Matching func(ctx context.Context, fresh bool) ([]Candidate, error)
	// Claims are the objects this provider configuration already took.
	Claims *Claims
	// ImportAs, when set, is how an object found is imported by hand, when
	// that is not as Resource by the cloud's ID (gpucloud_gpu_instance
	// imports "<cloud>/<id>"). Claims stay keyed by Resource.
	ImportAs ImportAs
	// Token, when set, is a value from NewToken that the create sent in a
	// label the cloud reports back. The one object carrying it is this
	// create's; an object carrying another token is another create's.
	Token string
}

// NewToken returns a creation token no other create uses.
func NewToken() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read does not fail
	return hex.EncodeToString(b)
}

// ImportAs gives the resource type and import ID that take over the object
// with the cloud's ID id.
type ImportAs func(id string) (resource, importID string)

// importBlock is the import block of the object with the cloud's ID id.
func (k Kind) importBlock(id string) string {
	if k.ImportAs != nil {
		return ImportBlock(k.ImportAs(id))
	}
	return ImportBlock(k.Resource, id)
}

// LookupTimeout bounds the lists a create or a plan makes only to be safe
// (what existed before, objects with the same name), so that a failing list
// endpoint costs a create its proof, not its time.
const LookupTimeout = 30 * time.Second

// ClockSkew is how far a cloud's clock may be behind this machine's when a
// creation time is compared with the moment the request was sent.
const ClockSkew = time.Minute

// Claims holds the objects one provider configuration created or adopted,
// per resource type: another create's lost answer never takes them. Keep
// one per configured provider, since two accounts may use the same IDs.
type Claims struct{ ids sync.Map }

// Claim records id as taken by this configuration.
func (c *Claims) Claim(resource, id string) {
	if c != nil {
		c.ids.Store(resource+"\x00"+id, true)
	}
}

// Claimed: this configuration already took id.
func (c *Claims) Claimed(resource, id string) bool {
	if c == nil {
		return false
	}
	_, ok := c.ids.Load(resource + "\x00" + id)
	return ok
}

// Create runs create. When its answer may have been lost, the one object
// that provably came from it is adopted; otherwise the error says what was
// found. Objects that matched before the request are never candidates.
func Create(ctx context.Context, k Kind, create func(context.Context) (string, error)) (string, error) {
	lookup, cancel := context.WithTimeout(ctx, LookupTimeout)
	before, beforeErr := k.Matching(lookup, false)
	cancel()
	sent := time.Now()
	id, err := create(ctx)
	if err == nil {
		k.Claims.Claim(k.Resource, id)
		return id, nil
	}
	if !transport.MayHaveSucceeded(err) {
		return "", err
	}
	after, listErr := k.Matching(ctx, true)
	if listErr != nil {
		return "", &LostError{Kind: k, Cause: err, LookupErr: listErr}
	}
	claimed := func(id string) bool { return k.Claims.Claimed(k.Resource, id) }
	if mine := carrying(after, k.Token, claimed); len(mine) == 1 {
		return k.adopt(ctx, mine[0], err), nil
	}
	fresh := New(before, untokened(after, k.Token), sent, claimed)
	if len(fresh) != 1 || beforeErr != nil {
		return "", &LostError{Kind: k, Cause: err, Candidates: fresh, BeforeErr: beforeErr}
	}
	return k.adopt(ctx, fresh[0], err), nil
}

func (k Kind) adopt(ctx context.Context, c Candidate, cause error) string {
	k.Claims.Claim(k.Resource, c.ID)
	tflog.Warn(ctx, "adopted the object a create made although its answer was lost", map[string]any{
		"object": k.What, "id": c.ID, "cause": cause.Error(), "by_token": c.Token != "",
	})
	return c.ID
}

// carrying returns the unclaimed candidates that carry token.
func carrying(candidates []Candidate, token string, claimed func(string) bool) []Candidate {
	var out []Candidate
	for _, c := range candidates {
		if token != "" && c.Token == token && !claimed(c.ID) {
			out = append(out, c)
		}
	}
	return out
}

// untokened leaves out, when this create sent a token, the candidates that
// carry another one: another create made them.
func untokened(candidates []Candidate, token string) []Candidate {
	if token == "" {
		return candidates
	}
	return slices.DeleteFunc(slices.Clone(candidates), func(c Candidate) bool { return c.Token != "" && c.Token != token })
}

// New returns the objects of after that may come from a request sent at
// sent: absent from before, not excluded, and not created before the
// request (allowing for ClockSkew).
func New(before, after []Candidate, sent time.Time, excluded func(id string) bool) []Candidate {
	known := make(map[string]bool, len(before))
	for _, c := range before {
		known[c.ID] = true
	}
	var fresh []Candidate
	for _, c := range after {
		if known[c.ID] || excluded(c.ID) || !c.CreatedAt.IsZero() && c.CreatedAt.Before(sent.Add(-ClockSkew)) {
			continue
		}
		fresh = append(fresh, c)
	}
	sort.Slice(fresh, func(i, j int) bool { return fresh[i].ID < fresh[j].ID })
	return fresh
}

// LostError is a create whose answer was lost and whose object could not be
// proven: none or several candidates, or no list to look in.
type LostError struct {
	Kind  Kind
	Cause error
	// LookupErr is why nothing could be looked for; BeforeErr why what
	// existed before the request is not known, so that nothing is proven.
	LookupErr, BeforeErr error
	Candidates           []Candidate
}

func (e *LostError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%v.\n\n", e.Cause)
	switch {
	case e.LookupErr != nil:
		fmt.Fprintf(&b, "The %s may have been created, but the provider could not list what exists to find it (%v), so nothing was adopted. "+
			"Look for it in the cloud's console before applying again, and import it if it is there.", e.Kind.What, e.LookupErr)
	case e.BeforeErr != nil:
		fmt.Fprintf(&b, "The provider could not list what existed before the request (%v), so no object can be proven to be "+
			"this create's and none was adopted. Objects matching the request: %d.\n", e.BeforeErr, len(e.Candidates))
		e.writeCandidates(&b)
	case len(e.Candidates) == 0:
		b.WriteString("No new object matching the request appeared, so the create may not have happened; nothing was adopted. " +
			"Applying again creates it.")
	default:
		fmt.Fprintf(&b, "%d new objects match the request, so which one it made cannot be proven and none was adopted "+
			"(another configuration or a person may have created the others at the same time):\n", len(e.Candidates))
		e.writeCandidates(&b)
	}
	return b.String()
}

func (e *LostError) writeCandidates(b *strings.Builder) {
	if len(e.Candidates) == 0 {
		return
	}
	for _, c := range e.Candidates {
		fmt.Fprintf(b, "  - %s\n", c.Describe())
	}
	b.WriteString("\nImport the one that belongs to this resource (NAME is its name, as in the address above) and leave the others to whoever made them:\n")
	for _, c := range e.Candidates {
		b.WriteString(e.Kind.importBlock(c.ID))
	}
}

// Unwrap makes the create's own error visible to errors.Is and errors.As.
func (e *LostError) Unwrap() error { return e.Cause }

// Describe is one line about a candidate: ID, name, status, creation time, price.
func (c Candidate) Describe() string {
	parts := []string{"ID " + c.ID}
	if c.Name != "" {
		parts = append(parts, fmt.Sprintf("name %q", c.Name))
	}
	if c.Status != "" {
		parts = append(parts, "status "+c.Status)
	}
	if !c.CreatedAt.IsZero() {
		parts = append(parts, "created "+c.CreatedAt.UTC().Format(time.RFC3339))
	}
	if c.Price != "" {
		parts = append(parts, c.Price+" per hour")
	}
	return strings.Join(parts, ", ")
}

// ImportBlock is the import block, and the command, that take the object
// over for a resource of this type; the resource's own name replaces NAME.
func ImportBlock(resource, id string) string {
	return fmt.Sprintf("  import {\n    to = %[1]s.NAME\n    id = %[2]q\n  }\n  (or: terraform import %[1]s.NAME %[2]s)\n", resource, id)
}

// ParseTime reads a creation time in the forms clouds send; zero when it
// cannot.
func ParseTime(s string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04:05.999999"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t
		}
	}
	return time.Time{}
}

// Lister reads a kind's shared list, as the clients' snapshot methods do:
// unless fresh, one a few seconds old; fresh, one asked for after every
// write the client made.
type Lister[T any] func(ctx context.Context, fresh bool) ([]T, error)

// Matching builds Kind.Matching from a shared list, the request's match and
// the kind's description of an object.
func Matching[T any](list Lister[T], match func(T) bool, candidate func(T) Candidate) func(context.Context, bool) ([]Candidate, error) {
	return func(ctx context.Context, fresh bool) ([]Candidate, error) {
		all, err := list(ctx, fresh)
		var out []Candidate
		for _, o := range all {
			if match(o) {
				out = append(out, candidate(o))
			}
		}
		return out, err
	}
}

// Existing lists, for a plan's warning, the objects of a shared list that
// match.
func Existing[T any](list Lister[T], match func(T) bool, candidate func(T) Candidate) func(context.Context) ([]Candidate, error) {
	find := Matching(list, match, candidate)
	return func(ctx context.Context) ([]Candidate, error) { return find(ctx, false) }
}

// Reported is true when the cloud left a field out of its answer or
// reports what the request sent: a reader tolerates fields the documents
// do not promise.
func Reported[T comparable](got, sent T) bool {
	var zero T
	return got == zero || got == sent
}

// ReportedSet is Reported for a set of IDs or names.
func ReportedSet(got, sent []string) bool {
	if len(got) == 0 {
		return true
	}
	a, b := slices.Clone(got), slices.Clone(sent)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}
