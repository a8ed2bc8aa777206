package bluelobster

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/bluelobster/api"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/crud"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/pending"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/sharedschema"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

const (
	backupCreateTimeout = 2 * time.Hour
	backupUpdateTimeout = 5 * time.Minute
	backupDeleteTimeout = 30 * time.Minute
)

// NewBackupResource is gpucloud_bluelobster_backup.
func NewBackupResource() resource.Resource {
	return &backupResource{Kind: crud.Kind{Name: "bluelobster_backup", ImportParts: []string{"id"}}}
}

type backupResource struct {
	clientHolder
	crud.Kind
}

func (r *backupResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	computed := func(desc string) schema.Attribute {
		return schema.StringAttribute{Computed: true, PlanModifiers: keep, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A backup of a Blue Lobster instance taken on demand, stored on Blue Lobster's backup server " +
			"(free up to 250 GB per account, billed beyond). The instance keeps running; the create waits for the backup task " +
			"and keeps the one new backup it made. Destroying it deletes the backup, which cannot be undone. Restores are " +
			"not managed here.\n\n" +
			"The create, list, notes and delete calls' paths are inferred (`POST /instances/{id}/backup`, `GET /backups`, " +
			"`PUT /backups/notes`, `DELETE /backups`): Blue Lobster's document describes them without paths. A create " +
			"that runs out of time leaves no backup in state, since Blue Lobster names it only when done: the error says " +
			"how to import it once it appears in `gpucloud_bluelobster_backups`.",
		Attributes: map[string]schema.Attribute{
			"id": computed("The backup's volume ID (`volid`), such as `wil-pbs-01:backup/vm/100/2024-01-15T10:30:00Z`."),
			"instance_id": schema.StringAttribute{
				Required: true, PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()}, MarkdownDescription: "The instance to back up.",
			},
			"notes": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Notes for the backup, changed in place. Unset by default: none.",
			},
			"timeouts":      sharedschema.Timeouts(ctx, backupCreateTimeout, backupUpdateTimeout, backupDeleteTimeout),
			"instance_name": schema.StringAttribute{Computed: true, MarkdownDescription: "The instance's name, as Blue Lobster lists it with the backup."},
			"size_bytes":    schema.Int64Attribute{Computed: true, MarkdownDescription: "Size in bytes."},
			"size_human":    computed("Size, readable."),
			"created_at":    computed("When it was taken."),
		},
	}
	planmod.NoteReplacements(ctx, &resp.Schema, "backup")
}

// backupTakes serialises this process's backups per instance, so that the
// one backup that appears is the one this create asked for.
var backupTakes adopt.Keyed

// pendingPrefix marks, in place of a volid, a backup whose task outlasted its
// create: Blue Lobster names a backup only once it is taken.
const pendingPrefix = "task:"

// lostAnswerWait bounds the wait for a backup whose request's answer was
// lost, and which may therefore never have been made.
const lostAnswerWait = 15 * time.Minute

func (r *backupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, ok := crud.Get[backupModel](ctx, req.Plan, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Create, backupCreateTimeout, &resp.Diagnostics)
	defer cancel()
	instance := plan.InstanceID.ValueString()
	what := apierr.Describe("Blue Lobster", "backup of instance", instance)
	defer backupTakes.Lock(instance)()
	volid, waiting, err := r.take(ctx, instance, what)
	if waiting != nil {
		// Kept, tainted, under its task: the next refresh names it, the next apply replaces it.
		state := pendingState(plan, waiting.task)
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, fmt.Errorf("%w. The backup is tracked in state under its task "+
			"and marked tainted: a refresh names it once Blue Lobster has taken it, and the next apply replaces it", err)))
		return
	}
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("creating "+what, err))
		return
	}
	// Saved before anything else, so that a failure from here on loses nothing.
	plan.ID = types.StringValue(volid)
	notes := plan.Notes
	plan.Notes = types.StringNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, pending.State(plan))...)
	if !notes.IsNull() {
		if err := r.Client.SetBackupNotes(ctx, volid, notes.ValueString()); err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("setting the notes of "+what, err))
			return
		}
		plan.Notes = notes
	}
	b, err := r.find(ctx, volid)
	if err == nil && b == nil {
		err = fmt.Errorf("Blue Lobster made backup %s but does not list it", volid)
	}
	if err != nil {
		resp.Diagnostics.Append(apierr.Diagnostic("reading the new "+what, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, backupFromAPI(b, plan))...)
}

func pendingState(plan backupModel, task string) backupModel {
	plan.ID = types.StringValue(pendingPrefix + task)
	return pending.State(plan)
}

// pendingBackup is a backup task that outlasted its create.
type pendingBackup struct{ task string }

// take starts a backup and waits for it; the backup is the one that was not
// there before and appeared after the request, and the only one.
func (r *backupResource) take(ctx context.Context, instance, what string) (string, *pendingBackup, error) {
	before, err := r.Client.ListBackups(ctx, instance)
	if err != nil {
		return "", nil, fmt.Errorf("listing the instance's backups first, to tell the new one apart: %w", err)
	}
	known := make([]string, len(before))
	for i, b := range before {
		known[i] = b.VolID
	}
	sent := time.Now()
	task, err := r.Client.CreateBackup(ctx, instance)
	if err != nil && !transport.MayHaveSucceeded(err) {
		return "", nil, err
	}
	if err == nil && task != "" {
		if _, err := r.Client.WaitTask(ctx, task, r.waitOptions("backing up "+what)); err != nil {
			if timedOut(err) {
				return "", &pendingBackup{task: task}, err
			}
			return "", nil, err
		}
		volid, err := r.newBackup(ctx, instance, known, sent)
		if err == nil && volid == "" {
			err = fmt.Errorf("the backup task %s completed, but no new backup of the instance is listed", task)
		}
		return volid, nil, err
	}
	// The answer was lost: the backup, if the request reached Blue Lobster, shows up when taken.
	lost := err
	ctx, cancel := context.WithTimeout(ctx, lostAnswerWait)
	defer cancel()
	opts := r.waitOptions(what)
	opts.Target = []string{"listed"}
	var volid string
	_, err = wait.For(ctx, opts, func(ctx context.Context) (*string, error) {
		id, err := r.newBackup(ctx, instance, known, sent)
		volid = id
		return &id, err
	}, func(id *string) wait.Observation {
		if *id == "" {
			return wait.Observation{State: "not yet listed"}
		}
		return wait.Observation{State: "listed"}
	})
	if err != nil {
		return "", nil, fmt.Errorf("%w; no new backup of the instance appeared within %s after that (%v)", lost, lostAnswerWait, err)
	}
	return volid, nil, nil
}

// newBackup is the one backup of the instance that is not in before, was
// taken after sent and is not claimed; "" when there is none yet.
func (r *backupResource) newBackup(ctx context.Context, instance string, before []string, sent time.Time) (string, error) {
	all, err := r.Client.ListBackups(ctx, instance)
	if err != nil {
		return "", err
	}
	var known, after []adopt.Candidate
	for _, id := range before {
		known = append(known, adopt.Candidate{ID: id})
	}
	for _, b := range all {
		after = append(after, backupCandidate(b))
	}
	fresh := adopt.New(known, after, sent, func(id string) bool { return r.Clients.Claims.Claimed(backupResourceType, id) })
	switch len(fresh) {
	case 0:
		return "", nil
	case 1:
		r.Clients.Claims.Claim(backupResourceType, fresh[0].ID)
		return fresh[0].ID, nil
	}
	return "", &adopt.LostError{Kind: adopt.Kind{Resource: backupResourceType, What: "backup of instance " + instance},
		Cause: errors.New("more than one new backup appeared while this one was taken"), Candidates: fresh}
}

const backupResourceType = "gpucloud_bluelobster_backup"

func timedOut(err error) bool {
	var timeout *wait.TimeoutError
	return errors.As(err, &timeout) || errors.Is(err, context.DeadlineExceeded)
}

// resolvePending names the backup of a pending task: "" while the task runs
// or when it made none, done when the task has ended. Its backup is the one
// backup of the instance taken between the task's start and its end, by
// Blue Lobster's own clock.
func (r *backupResource) resolvePending(ctx context.Context, instance, task string) (volid string, done bool, err error) {
	t, err := r.Client.GetTask(ctx, task)
	switch {
	case transport.IsNotFound(err):
		return "", true, nil
	case err != nil:
		return "", false, err
	case t.Status == api.TaskFailed || t.Status == api.TaskCancelled:
		return "", true, nil
	case t.Status != api.TaskCompleted:
		return "", false, nil
	}
	start, end := adopt.ParseTime(t.CreatedAt), adopt.ParseTime(t.UpdatedAt)
	if start.IsZero() || end.IsZero() {
		return "", true, fmt.Errorf("Blue Lobster does not say when task %s ran, so its backup cannot be told apart: "+
			"find it in data.gpucloud_bluelobster_backups and import it by volid", task)
	}
	all, err := r.Client.ListBackups(ctx, instance)
	if err != nil {
		return "", true, err
	}
	var during []adopt.Candidate
	for _, b := range all {
		taken := adopt.ParseTime(b.CreatedAt)
		if !taken.Before(start.Truncate(time.Second)) && !taken.After(end) && !r.Clients.Claims.Claimed(backupResourceType, b.VolID) {
			during = append(during, backupCandidate(b))
		}
	}
	switch len(during) {
	case 0:
		return "", true, nil
	case 1:
		r.Clients.Claims.Claim(backupResourceType, during[0].ID)
		return during[0].ID, true, nil
	}
	return "", true, &adopt.LostError{Kind: adopt.Kind{Resource: backupResourceType, What: "backup of task " + task},
		Cause: errors.New("more than one backup was taken while the task ran"), Candidates: during}
}

// find is the backup in the account-wide list, which carries its notes, or
// nil when it is gone.
func (r *backupResource) find(ctx context.Context, volid string) (*api.AccountBackup, error) {
	all, err := r.Client.ListAllBackups(ctx)
	for i := range all {
		if all[i].VolID == volid {
			return &all[i], nil
		}
	}
	return nil, err
}

func (r *backupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, ok := crud.Get[backupModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	if task, isPending := strings.CutPrefix(state.ID.ValueString(), pendingPrefix); isPending {
		volid, done, err := r.resolvePending(ctx, state.InstanceID.ValueString(), task)
		switch {
		case err != nil:
			resp.Diagnostics.Append(apierr.Diagnostic("reading the backup of task "+task, err))
			return
		case !done:
			return
		case volid == "":
			resp.State.RemoveResource(ctx)
			return
		}
		state.ID = types.StringValue(volid)
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
		if resp.Diagnostics.HasError() {
			return
		}
		req.State = resp.State
	}
	crud.Read(ctx, req, resp, crud.Reader[backupModel, api.AccountBackup]{
		What: func(m backupModel) string { return apierr.Describe("Blue Lobster", "backup", m.ID.ValueString()) },
		Read: func(ctx context.Context, m backupModel) (*api.AccountBackup, error) {
			return r.find(ctx, m.ID.ValueString())
		},
		// A backup no longer listed was deleted, or went with its instance.
		Gone:    func(b *api.AccountBackup) bool { return b == nil },
		FromAPI: backupFromAPI,
	})
}

func (r *backupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, okPlan := crud.Get[backupModel](ctx, req.Plan, &resp.Diagnostics)
	state, okState := crud.Get[backupModel](ctx, req.State, &resp.Diagnostics)
	if !okPlan || !okState {
		return
	}
	ctx, cancel := crud.Within(ctx, plan.Timeouts.Update, backupUpdateTimeout, &resp.Diagnostics)
	defer cancel()
	what := apierr.Describe("Blue Lobster", "backup", state.ID.ValueString())
	if !plan.Notes.Equal(state.Notes) {
		if err := r.Client.SetBackupNotes(ctx, state.ID.ValueString(), plan.Notes.ValueString()); err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("setting the notes of "+what, err))
			return
		}
	}
	state.Notes, state.Timeouts = plan.Notes, plan.Timeouts
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *backupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, ok := crud.Get[backupModel](ctx, req.State, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx, cancel := crud.Within(ctx, state.Timeouts.Delete, backupDeleteTimeout, &resp.Diagnostics)
	defer cancel()
	volid := state.ID.ValueString()
	if task, isPending := strings.CutPrefix(volid, pendingPrefix); isPending {
		if _, err := r.Client.WaitTask(ctx, task, r.waitOptions("the backup of task "+task)); err != nil && !isFailed(err) && !transport.IsNotFound(err) {
			resp.Diagnostics.Append(apierr.Diagnostic("waiting for the backup of task "+task+" before deleting it", err))
			return
		}
		id, _, err := r.resolvePending(ctx, state.InstanceID.ValueString(), task)
		if err != nil {
			resp.Diagnostics.Append(apierr.Diagnostic("finding the backup of task "+task, err))
			return
		}
		if id == "" {
			return
		}
		volid = id
	}
	crud.Delete(ctx, &resp.Diagnostics, apierr.Describe("Blue Lobster", "backup", volid), func(ctx context.Context) error {
		task, err := r.Client.DeleteBackup(ctx, volid)
		if err != nil || task == "" {
			return err
		}
		_, err = r.Client.WaitTask(ctx, task, r.waitOptions("deleting backup "+volid))
		return err
	}, nil)
}

func isFailed(err error) bool {
	var failed *wait.FailedError
	return errors.As(err, &failed)
}
