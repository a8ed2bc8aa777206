package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// Paths of backup calls the document describes without a path; no public
// source confirms them [inferred]. volid travels in the query, as the
// document says.
const (
	pathCreateBackup = "/instances/%s/backup"
	pathBackups      = "/backups"
	pathBackupNotes  = "/backups/notes"
)

// AccountBackup is a backup in the account-wide list, with its instance.
type AccountBackup struct {
	Backup
	InstanceID   string `json:"instance_id"`
	InstanceName string `json:"instance_name"`
	// Notes is nil when the answer does not report them.
	Notes *string `json:"notes"`
}

// CreateBackup starts a backup of the instance, which keeps running.
func (c *Client) CreateBackup(ctx context.Context, id string) (string, error) {
	return c.task(ctx, http.MethodPost, fmt.Sprintf(pathCreateBackup, url.PathEscape(id)))
}

// ListAllBackups lists the backups of every instance of the account.
func (c *Client) ListAllBackups(ctx context.Context) ([]AccountBackup, error) {
	var out struct {
		Backups []AccountBackup `json:"backups"`
	}
	return out.Backups, c.call(ctx, http.MethodGet, pathBackups, nil, &out)
}

// DeleteBackup starts the deletion of a backup; it cannot be undone.
func (c *Client) DeleteBackup(ctx context.Context, volid string) (string, error) {
	var out taskAnswer
	_, err := c.http.DoJSON(ctx, transport.Request{Method: http.MethodDelete, Path: pathBackups, Query: url.Values{"volid": {volid}}}, &out)
	return out.TaskID, err
}

// SetBackupNotes replaces a backup's notes.
func (c *Client) SetBackupNotes(ctx context.Context, volid, notes string) error {
	_, err := c.http.DoJSON(ctx, transport.Request{Method: http.MethodPut, Path: pathBackupNotes, Query: url.Values{"volid": {volid}},
		Body: map[string]string{"notes": notes}}, nil)
	return err
}
