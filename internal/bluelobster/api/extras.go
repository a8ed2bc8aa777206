package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/jsonx"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// Rule is a firewall rule; Pos is its place in evaluation order.
type Rule struct {
	Pos     int64  `json:"pos"`
	Type    string `json:"type"`
	Action  string `json:"action"`
	Proto   string `json:"proto,omitempty"`
	DPort   string `json:"dport,omitempty"`
	SPort   string `json:"sport,omitempty"`
	Source  string `json:"source,omitempty"`
	Dest    string `json:"dest,omitempty"`
	Comment string `json:"comment,omitempty"`
	Enable  int64  `json:"enable"`
}

// Firewall is an instance's firewall.
type Firewall struct {
	Enabled   jsonx.Bool `json:"enabled"`
	PolicyIn  string     `json:"policy_in"`
	PolicyOut string     `json:"policy_out"`
	Rules     []Rule     `json:"rules"`
}

// GetFirewall reads the firewall.
func (c *Client) GetFirewall(ctx context.Context, id string) (*Firewall, error) {
	var out Firewall
	return &out, c.call(ctx, http.MethodGet, instancePath(id, "firewall"), nil, &out)
}

// SetFirewall sets whether the firewall is on and its default policies.
func (c *Client) SetFirewall(ctx context.Context, id string, enabled bool, policyIn, policyOut string) error {
	return c.call(ctx, http.MethodPut, instancePath(id, "firewall"),
		map[string]any{"enable": enabled, "policy_in": policyIn, "policy_out": policyOut}, nil)
}

// AddRule adds a rule and returns where it landed, or -1 when the answer
// does not say. The document names no way to choose the position.
func (c *Client) AddRule(ctx context.Context, id string, r Rule) (int64, error) {
	body := map[string]any{"type": r.Type, "action": r.Action, "enable": r.Enable}
	for k, v := range map[string]string{"proto": r.Proto, "dport": r.DPort, "sport": r.SPort, "source": r.Source, "dest": r.Dest, "comment": r.Comment} {
		if v != "" {
			body[k] = v
		}
	}
	var out struct {
		Rule struct {
			Pos *int64 `json:"pos"`
		} `json:"rule"`
	}
	if err := c.call(ctx, http.MethodPost, instancePath(id, "firewall", "rules"), body, &out); err != nil {
		return 0, err
	}
	if out.Rule.Pos == nil {
		return -1, nil
	}
	return *out.Rule.Pos, nil
}

// DeleteRule deletes the rule at pos; the rules after it move up.
func (c *Client) DeleteRule(ctx context.Context, id string, pos int64) error {
	return c.call(ctx, http.MethodDelete, fmt.Sprintf(pathFirewallRule, url.PathEscape(id), pos), nil, nil)
}

// IP is an address of an instance.
type IP struct {
	IPAddress     string `json:"ip_address"`
	InternalIP    string `json:"internal_ip"`
	InterfaceName string `json:"interface_name"`
	IsPrimary     bool   `json:"is_primary"`
	MACAddress    string `json:"mac_address"`
	AssignedAt    string `json:"assigned_at"`
}

// ListIPs lists an instance's addresses, the primary first.
func (c *Client) ListIPs(ctx context.Context, id string) ([]IP, error) {
	var out struct {
		IPs []IP `json:"ips"`
	}
	return out.IPs, c.call(ctx, http.MethodGet, instancePath(id, "ips"), nil, &out)
}

// AddIP assigns one more address (billed monthly) and returns it.
func (c *Client) AddIP(ctx context.Context, id string) (*IP, error) {
	var out struct {
		IP IP `json:"ip"`
	}
	if err := c.call(ctx, http.MethodPost, instancePath(id, "ips"), nil, &out); err != nil {
		return nil, err
	}
	if out.IP.IPAddress == "" {
		return nil, transport.NoIDError("Blue Lobster", http.MethodPost, instancePath(id, "ips"))
	}
	return &out.IP, nil
}

// ReleaseIP gives an additional address back.
func (c *Client) ReleaseIP(ctx context.Context, id, ip string) error {
	return c.call(ctx, http.MethodDelete, instancePath(id, "ips", url.PathEscape(ip)), nil, nil)
}

// Schedule is an automatic backup schedule.
type Schedule struct {
	Enabled        bool
	Frequency      string
	TimeUTC        string
	RetentionCount int64
	LastBackup     string
	NextBackup     string
}

// UnmarshalJSON reads the document's shape (time_utc) and the one a public
// client uses (hour_utc).
func (s *Schedule) UnmarshalJSON(b []byte) error {
	var w struct {
		Enabled        *bool   `json:"enabled"`
		Frequency      string  `json:"frequency"`
		TimeUTC        string  `json:"time_utc"`
		HourUTC        *int    `json:"hour_utc"`
		RetentionCount *int64  `json:"retention_count"`
		LastBackup     *string `json:"last_backup"`
		NextBackup     *string `json:"next_backup"`
	}
	if err := jsonx.Unmarshal(b, &w); err != nil {
		return err
	}
	*s = Schedule{Enabled: w.Enabled == nil || *w.Enabled, Frequency: w.Frequency, TimeUTC: w.TimeUTC, RetentionCount: 7}
	if s.TimeUTC == "" && w.HourUTC != nil {
		s.TimeUTC = fmt.Sprintf("%02d:00", *w.HourUTC)
	}
	if w.RetentionCount != nil {
		s.RetentionCount = *w.RetentionCount
	}
	if w.LastBackup != nil {
		s.LastBackup = *w.LastBackup
	}
	if w.NextBackup != nil {
		s.NextBackup = *w.NextBackup
	}
	return nil
}

// GetSchedule reads the backup schedule.
func (c *Client) GetSchedule(ctx context.Context, id string) (*Schedule, error) {
	var out Schedule
	return &out, c.call(ctx, http.MethodGet, instancePath(id, "backup-schedule"), nil, &out)
}

// PutSchedule creates or updates the backup schedule, in the document's fields.
func (c *Client) PutSchedule(ctx context.Context, id string, s Schedule) error {
	return c.call(ctx, http.MethodPost, instancePath(id, "backup-schedule"), map[string]any{
		"enabled": s.Enabled, "frequency": s.Frequency, "time_utc": s.TimeUTC, "retention_count": s.RetentionCount,
	}, nil)
}

// DeleteSchedule removes the backup schedule.
func (c *Client) DeleteSchedule(ctx context.Context, id string) error {
	return c.call(ctx, http.MethodDelete, instancePath(id, "backup-schedule"), nil, nil)
}

// Backup is one backup of an instance.
type Backup struct {
	VolID     string `json:"volid"`
	SizeBytes int64  `json:"size_bytes"`
	SizeHuman string `json:"size_human"`
	CreatedAt string `json:"created_at"`
	Format    string `json:"format"`
	Notes     string `json:"notes"`
}

// ListBackups lists an instance's backups.
func (c *Client) ListBackups(ctx context.Context, id string) ([]Backup, error) {
	var out struct {
		Backups []Backup `json:"backups"`
	}
	return out.Backups, c.call(ctx, http.MethodGet, instancePath(id, "backups"), nil, &out)
}
