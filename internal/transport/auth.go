package transport

import (
	"context"
	"net/http"
	"strings"
)

// Authenticator adds credentials to a request.
type Authenticator interface {
	Authorize(ctx context.Context, r *http.Request) error
}

// Reauthenticator is an Authenticator whose credentials can go stale: after a
// 401 the client calls Reauthenticate with the credential that was refused and
// sends the request once more.
type Reauthenticator interface {
	Authenticator
	Reauthenticate(rejected string)
}

// StaticHeader authenticates with a fixed header, such as an API key.
type StaticHeader struct {
	Name  string
	Value string
}

// Authorize sets the header.
func (s StaticHeader) Authorize(_ context.Context, r *http.Request) error {
	r.Header.Set(s.Name, s.Value)
	return nil
}

// Bearer authenticates with a fixed bearer token.
func Bearer(token string) StaticHeader {
	return StaticHeader{Name: "Authorization", Value: "Bearer " + token}
}

func credentialOf(r *http.Request) string {
	if v := r.Header.Get("Authorization"); v != "" {
		return strings.TrimPrefix(v, "Bearer ")
	}
	return r.Header.Get("X-API-Key")
}
