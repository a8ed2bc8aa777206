package verda

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/sim/core"
)

type tokenRequest struct {
	GrantType    string `json:"grant_type"`
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
	RefreshToken string `json:"refresh_token"`
}

func (c *Cloud) token(w http.ResponseWriter, r *http.Request) {
	var req tokenRequest
	isJSON := strings.HasPrefix(r.Header.Get("Content-Type"), "application/json")
	switch {
	case isJSON && c.switches.Get().TokenFormOnly:
		fail(w, http.StatusUnsupportedMediaType, "This endpoint accepts application/x-www-form-urlencoded only")
		return
	case isJSON:
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			fail(w, http.StatusBadRequest, "Invalid request body")
			return
		}
	default:
		if err := r.ParseForm(); err != nil {
			fail(w, http.StatusBadRequest, "Invalid request body")
			return
		}
		req = tokenRequest{
			GrantType: r.PostForm.Get("grant_type"), ClientID: r.PostForm.Get("client_id"),
			ClientSecret: r.PostForm.Get("client_secret"), RefreshToken: r.PostForm.Get("refresh_token"),
		}
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	switch req.GrantType {
	case "client_credentials":
		if req.ClientID == "" || req.ClientSecret == "" {
			fail(w, http.StatusBadRequest, "client_id and client_secret are required")
			return
		}
		if req.ClientID != c.opts.ClientID || req.ClientSecret != c.opts.ClientSecret {
			fail(w, http.StatusUnauthorized, "Invalid client credentials")
			return
		}
	case "refresh_token":
		if !c.refresh[req.RefreshToken] {
			fail(w, http.StatusUnauthorized, "Invalid or expired refresh token")
			return
		}
		delete(c.refresh, req.RefreshToken)
	default:
		fail(w, http.StatusBadRequest, `grant_type must be "client_credentials" or "refresh_token"`)
		return
	}
	ttl := time.Duration(c.switches.Get().TokenTTL)
	access, refresh := "sim-access-"+core.NewID(), "sim-refresh-"+core.NewID()
	c.tokens[access] = time.Now().Add(ttl)
	c.refresh[refresh] = true
	core.WriteJSON(w, http.StatusOK, map[string]any{
		"access_token": access, "token_type": "Bearer", "expires_in": ttl.Seconds(),
		"refresh_token": refresh, "scope": "cloud-api-v1",
	})
}

// ExpireTokens makes every issued access token stale, as if an hour passed.
func (c *Cloud) ExpireTokens() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for t := range c.tokens {
		c.tokens[t] = time.Time{}
	}
}

func (c *Cloud) authenticated(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		c.mu.Lock()
		expiry, known := c.tokens[token]
		c.mu.Unlock()
		if !ok || !known || time.Now().After(expiry) {
			fail(w, http.StatusUnauthorized, "Access token is missing or invalid")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// limited enforces the project and endpoint windows and sends the
// RateLimit-Policy and RateLimit headers the document shows.
func (c *Cloud) limited(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := c.switches.Get()
		if !sw.RateLimits {
			next.ServeHTTP(w, r)
			return
		}
		window := time.Duration(sw.RateLimitWindow)
		endpointKey := r.Method + " " + r.URL.Path
		endpointLimit := sw.EndpointLimit
		if n, ok := endpointLimits[endpointKey]; ok {
			endpointLimit = n
		}
		secs := int(window.Seconds())
		w.Header().Set("RateLimit-Policy", fmt.Sprintf(`"project";q=%d;w=%d, "endpoint";q=%d;w=%d`, sw.ProjectLimit, secs, endpointLimit, secs))

		eRemain, eReset, eOK := c.window.Take(endpointKey, endpointLimit, window)
		var pRemain int
		var pReset time.Duration
		pOK := false
		if eOK {
			pRemain, pReset, pOK = c.window.Take("project", sw.ProjectLimit, window)
		} else {
			pRemain, pReset = c.window.Peek("project", sw.ProjectLimit, window)
		}
		w.Header().Set("RateLimit", fmt.Sprintf(`"project";r=%d;t=%d, "endpoint";r=%d;t=%d`,
			pRemain, core.CeilSeconds(pReset), eRemain, core.CeilSeconds(eReset)))
		if !eOK || !pOK {
			wait := pReset
			if !eOK {
				wait = eReset
			}
			w.Header().Set("Retry-After", fmt.Sprint(core.CeilSeconds(wait)))
			fail(w, http.StatusTooManyRequests, "Too many requests for the current project or endpoint window")
			return
		}
		next.ServeHTTP(w, r)
	})
}
