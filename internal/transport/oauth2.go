package transport

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Tokens authenticates with short-lived bearer tokens: it obtains one,
// renews it with its refresh token before it expires, and starts over when
// the refresh is refused. Concurrent callers wait for a single request. The
// clouds differ only in how a token is obtained and refreshed.
type Tokens struct {
	client  *Client // sends token requests, without authentication
	obtain  func(ctx context.Context) (*TokenAnswer, error)
	refresh func(ctx context.Context, refreshToken string) (*TokenAnswer, error)
	refused string // what to check when obtain is refused
	now     func() time.Time

	// lock is a one-slot semaphore rather than a mutex so that a caller whose
	// context ends stops waiting at once.
	lock         chan struct{}
	access       string
	refreshToken string
	expiry       time.Time
}

// TokenAnswer is a token endpoint's answer.
type TokenAnswer struct {
	AccessToken  string  `json:"access_token"`
	RefreshToken string  `json:"refresh_token"`
	ExpiresIn    float64 `json:"expires_in"`
	TokenType    string  `json:"token_type"`
	Scope        string  `json:"scope"`
}

func newTokens(client *Client, refused string, obtain func(context.Context) (*TokenAnswer, error), refresh func(context.Context, string) (*TokenAnswer, error)) *Tokens {
	return &Tokens{client: client, obtain: obtain, refresh: refresh, refused: refused, now: time.Now, lock: make(chan struct{}, 1)}
}

// NewClientCredentials authenticates with OAuth2 client credentials and
// refresh tokens. golang.org/x/oauth2 sends only form bodies and never uses
// the refresh grant for this flow; Verda documents JSON bodies and refresh
// tokens, and some of its deployments accept only forms, so both are handled.
func NewClientCredentials(client *Client, tokenPath, clientID, clientSecret string) *Tokens {
	client.Masker().Add(clientSecret)
	formOnly := false
	grant := func(ctx context.Context, fields map[string]string) (*TokenAnswer, error) {
		var answer TokenAnswer
		if !formOnly {
			_, err := client.DoJSON(ctx, Request{Method: http.MethodPost, Path: tokenPath, Body: fields, NoAuth: true, Replayable: true}, &answer)
			if err == nil {
				return checked(&answer)
			}
			if !refusesJSON(err) {
				return nil, err
			}
			formOnly = true
		}
		form := url.Values{}
		for k, v := range fields {
			form.Set(k, v)
		}
		if _, err := client.DoJSON(ctx, Request{Method: http.MethodPost, Path: tokenPath, Form: form, NoAuth: true, Replayable: true}, &answer); err != nil {
			return nil, err
		}
		return checked(&answer)
	}
	return newTokens(client, "check client_id and client_secret",
		func(ctx context.Context) (*TokenAnswer, error) {
			return grant(ctx, map[string]string{"grant_type": "client_credentials", "client_id": clientID, "client_secret": clientSecret})
		},
		func(ctx context.Context, refreshToken string) (*TokenAnswer, error) {
			return grant(ctx, map[string]string{"grant_type": "refresh_token", "refresh_token": refreshToken})
		})
}

// NewLogin authenticates by logging in with a body of credentials at
// loginPath and renewing with {"refresh_token"} at refreshPath.
func NewLogin(client *Client, loginPath, refreshPath string, credentials map[string]string, refused string) *Tokens {
	for _, v := range credentials {
		client.Masker().Add(v)
	}
	post := func(ctx context.Context, path string, body map[string]string) (*TokenAnswer, error) {
		var answer TokenAnswer
		if _, err := client.DoJSON(ctx, Request{Method: http.MethodPost, Path: path, Body: body, NoAuth: true, Replayable: true}, &answer); err != nil {
			return nil, err
		}
		return checked(&answer)
	}
	return newTokens(client, refused,
		func(ctx context.Context) (*TokenAnswer, error) { return post(ctx, loginPath, credentials) },
		func(ctx context.Context, refreshToken string) (*TokenAnswer, error) {
			return post(ctx, refreshPath, map[string]string{"refresh_token": refreshToken})
		})
}

// Authorize sets a bearer token, fetching or refreshing one first when needed.
func (c *Tokens) Authorize(ctx context.Context, r *http.Request) error {
	token, err := c.token(ctx)
	if err != nil {
		return err
	}
	r.Header.Set("Authorization", "Bearer "+token)
	return nil
}

// Reauthenticate forgets the access token the server refused, unless another
// request already replaced it.
func (c *Tokens) Reauthenticate(rejected string) {
	c.lock <- struct{}{}
	defer func() { <-c.lock }()
	if c.access == rejected {
		c.access = ""
	}
}

func (c *Tokens) token(ctx context.Context) (string, error) {
	select {
	case c.lock <- struct{}{}:
	case <-ctx.Done():
		return "", ctx.Err()
	}
	defer func() { <-c.lock }()

	if c.access != "" && c.now().Before(c.expiry) {
		return c.access, nil
	}
	if c.refreshToken != "" {
		answer, err := c.refresh(ctx, c.refreshToken)
		if err == nil {
			return c.keep(answer), nil
		}
		if ctx.Err() != nil {
			return "", err
		}
		// An expired or revoked refresh token: start over with the credentials.
		c.refreshToken = ""
	}
	answer, err := c.obtain(ctx)
	if err != nil {
		if e, ok := asAPIError(err); ok && (e.Status == http.StatusUnauthorized || e.Status == http.StatusBadRequest) {
			return "", fmt.Errorf("%s refused the credentials; %s: %w", c.client.Cloud(), c.refused, err)
		}
		return "", &AuthError{Cloud: c.client.Cloud(), Err: err}
	}
	return c.keep(answer), nil
}

func (c *Tokens) keep(a *TokenAnswer) string {
	c.client.Masker().Add(a.AccessToken)
	c.client.Masker().Add(a.RefreshToken)
	c.access = a.AccessToken
	if a.RefreshToken != "" {
		c.refreshToken = a.RefreshToken
	}
	lifetime := time.Duration(a.ExpiresIn * float64(time.Second))
	if lifetime <= 0 {
		lifetime = time.Hour
	}
	// Renew early: a tenth of the lifetime, at most a minute.
	c.expiry = c.now().Add(lifetime - min(lifetime/10, time.Minute))
	return c.access
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

// AuthError is a request for a token that failed for another reason than
// refused credentials. Asking for a token changes nothing in the cloud.
type AuthError struct {
	Cloud string
	Err   error
}

func (e *AuthError) Error() string {
	return fmt.Sprintf("%s authentication failed: %v", e.Cloud, e.Err)
}

func (e *AuthError) Unwrap() error { return e.Err }
