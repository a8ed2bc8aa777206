package transport

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// ClientCredentials is OAuth2 client-credentials authentication with refresh
// tokens. golang.org/x/oauth2 sends only form bodies and never uses the refresh
// grant for this flow; Verda documents JSON bodies and refresh tokens, and some
// of its deployments accept only forms, so both are handled here.
type ClientCredentials struct {
	client       *Client // sends token requests, without authentication
	tokenPath    string
	clientID     string
	clientSecret string
	now          func() time.Time

	// lock is a one-slot semaphore rather than a mutex so that a caller whose
	// context ends stops waiting at once.
	lock     chan struct{}
	access   string
	refresh  string
	expiry   time.Time
	formOnly bool
}

// TokenAnswer is the token endpoint's answer.
type TokenAnswer struct {
	AccessToken  string  `json:"access_token"`
	RefreshToken string  `json:"refresh_token"`
	ExpiresIn    float64 `json:"expires_in"`
	TokenType    string  `json:"token_type"`
	Scope        string  `json:"scope"`
}

// NewClientCredentials authenticates requests with tokens fetched through
// client from tokenPath.
func NewClientCredentials(client *Client, tokenPath, clientID, clientSecret string) *ClientCredentials {
	client.Masker().Add(clientSecret)
	return &ClientCredentials{
		client: client, tokenPath: tokenPath, clientID: clientID, clientSecret: clientSecret,
		now: time.Now, lock: make(chan struct{}, 1),
	}
}

// Authorize sets a bearer token, fetching or refreshing one first when needed.
// Concurrent callers wait for a single token request.
func (c *ClientCredentials) Authorize(ctx context.Context, r *http.Request) error {
	token, err := c.token(ctx)
	if err != nil {
		return err
	}
	r.Header.Set("Authorization", "Bearer "+token)
	return nil
}

// Reauthenticate forgets the access token the server refused, unless another
// request already replaced it.
func (c *ClientCredentials) Reauthenticate(rejected string) {
	c.lock <- struct{}{}
	defer func() { <-c.lock }()
	if c.access == rejected {
		c.access = ""
	}
}

func (c *ClientCredentials) token(ctx context.Context) (string, error) {
	select {
	case c.lock <- struct{}{}:
	case <-ctx.Done():
		return "", ctx.Err()
	}
	defer func() { <-c.lock }()

	if c.access != "" && c.now().Before(c.expiry) {
		return c.access, nil
	}
	if c.refresh != "" {
		answer, err := c.request(ctx, map[string]string{"grant_type": "refresh_token", "refresh_token": c.refresh})
		if err == nil {
			return c.keep(answer), nil
		}
		if ctx.Err() != nil {
			return "", err
		}
		// An expired or revoked refresh token: start over with the credentials.
		c.refresh = ""
	}
	answer, err := c.request(ctx, map[string]string{
		"grant_type": "client_credentials", "client_id": c.clientID, "client_secret": c.clientSecret,
	})
	if err != nil {
		if e, ok := asAPIError(err); ok && (e.Status == http.StatusUnauthorized || e.Status == http.StatusBadRequest) {
			return "", fmt.Errorf("%s refused the credentials; check client_id and client_secret: %w", c.client.Cloud(), err)
		}
		return "", fmt.Errorf("%s authentication failed: %w", c.client.Cloud(), err)
	}
	return c.keep(answer), nil
}

func (c *ClientCredentials) keep(a *TokenAnswer) string {
	c.client.Masker().Add(a.AccessToken)
	c.client.Masker().Add(a.RefreshToken)
	c.access = a.AccessToken
	if a.RefreshToken != "" {
		c.refresh = a.RefreshToken
	}
	lifetime := time.Duration(a.ExpiresIn * float64(time.Second))
	if lifetime <= 0 {
		lifetime = time.Hour
	}
	// Renew early: a tenth of the lifetime, at most a minute.
	c.expiry = c.now().Add(lifetime - min(lifetime/10, time.Minute))
	return c.access
}

func (c *ClientCredentials) request(ctx context.Context, fields map[string]string) (*TokenAnswer, error) {
	var answer TokenAnswer
	if !c.formOnly {
		_, err := c.client.DoJSON(ctx, Request{
			Method: http.MethodPost, Path: c.tokenPath, Body: fields, NoAuth: true, Replayable: true,
		}, &answer)
		if err == nil {
			return checked(&answer)
		}
		if !refusesJSON(err) {
			return nil, err
		}
		c.formOnly = true
	}
	form := url.Values{}
	for k, v := range fields {
		form.Set(k, v)
	}
	if _, err := c.client.DoJSON(ctx, Request{
		Method: http.MethodPost, Path: c.tokenPath, Form: form, NoAuth: true, Replayable: true,
	}, &answer); err != nil {
		return nil, err
	}
	return checked(&answer)
}

func checked(a *TokenAnswer) (*TokenAnswer, error) {
	if strings.TrimSpace(a.AccessToken) == "" {
		return nil, fmt.Errorf("token endpoint answered without an access token")
	}
	return a, nil
}

// refusesJSON: the deployment wants a form body rather than JSON.
func refusesJSON(err error) bool {
	e, ok := asAPIError(err)
	return ok && (e.Status == http.StatusUnsupportedMediaType || e.Status == http.StatusBadRequest)
}
