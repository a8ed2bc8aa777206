package verda

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/apierr"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/verda/api"
)

// Objects Verda knows by their name alone (secrets, file secrets, registry
// credentials, container deployments, serverless jobs): the name is the ID,
// so it proves a lost create's object and is unique in the project.

// createNamed creates an object Verda knows by its name alone. When the
// answer is lost, the name, absent before and listed after, is the proof.
func createNamed(ctx context.Context, kind adopt.Kind, name string, names func(context.Context) ([]string, error), create func(context.Context) error) error {
	bearing := bearingName(name, names)
	kind.Matching = func(ctx context.Context, _ bool) ([]adopt.Candidate, error) { return bearing(ctx) }
	_, err := adopt.Create(ctx, kind, func(ctx context.Context) (string, error) { return name, create(ctx) })
	return err
}

// bearingName lists, of the objects Verda knows by their name alone, the
// one that bears name, if any.
func bearingName(name string, names func(context.Context) ([]string, error)) func(context.Context) ([]adopt.Candidate, error) {
	return func(ctx context.Context) ([]adopt.Candidate, error) {
		all, err := names(ctx)
		var out []adopt.Candidate
		for _, n := range all {
			if n == name {
				out = append(out, adopt.Candidate{ID: n, Name: n})
			}
		}
		return out, err
	}
}

// warnNameTaken warns, on a plan that creates an object Verda knows by its
// name alone, that the name is already taken.
func warnNameTaken(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, resourceType, kind string, names func(context.Context) ([]string, error)) {
	if name, ok := adopt.Creating(ctx, req, "name"); ok {
		adopt.WarnNameTaken(ctx, &resp.Diagnostics, path.Root("name"), resourceType, apierr.Describe("Verda", kind, name), bearingName(name, names))
	}
}

// deleteInUse explains a delete Verda refused because something uses the
// object, as force_destroy can override.
func deleteInUse(what string, err error) error {
	if transport.IsConflict(err) {
		return fmt.Errorf("%w. Remove %s from what uses it first, or set force_destroy = true to delete it anyway", err, what)
	}
	return err
}

// namesOf lists the names of what list returns, those that keep.
func namesOf[T any](list func(context.Context) ([]T, error), name func(T) string, keep func(T) bool) func(context.Context) ([]string, error) {
	return func(ctx context.Context) ([]string, error) {
		all, err := list(ctx)
		var out []string
		for _, o := range all {
			if keep == nil || keep(o) {
				out = append(out, name(o))
			}
		}
		return out, err
	}
}

// secretNames lists the names of the secrets of one kind.
func (r *clientHolder) secretNames(kind string) func(context.Context) ([]string, error) {
	return namesOf(r.Client.ListSecrets, func(s api.Secret) string { return s.Name },
		func(s api.Secret) bool { return findSecret([]api.Secret{s}, kind, s.Name) != nil })
}

// secret is the secret of one kind that bears name, nil when Verda lists none.
func (r *clientHolder) secret(ctx context.Context, kind, name string) (*api.Secret, error) {
	all, err := r.Client.ListSecrets(ctx)
	return findSecret(all, kind, name), err
}

// createSecret creates a secret of one kind through create, then reads it
// back; ok is false when the create failed. When the read fails or does not
// show it yet, the secret is saved as planned: it exists, and the next
// refresh reads it.
func (r *clientHolder) createSecret(ctx context.Context, diags *diag.Diagnostics, resourceType, kind, what, name string,
	create func(context.Context) error,
) (found *api.Secret, ok bool) {
	err := createNamed(ctx, adopt.Kind{Claims: r.Clients.Claims, Resource: resourceType, What: what}, name, r.secretNames(kind), create)
	if err != nil {
		diags.Append(apierr.Diagnostic("creating "+what, err))
		return nil, false
	}
	found, err = r.secret(ctx, kind, name)
	if err != nil {
		diags.Append(apierr.Diagnostic("reading "+what, err))
	}
	if found == nil {
		found = &api.Secret{Name: name}
	}
	return found, true
}

func (r *clientHolder) deploymentNames(ctx context.Context) ([]string, error) {
	return namesOf(r.Client.ListDeployments, func(d api.Deployment) string { return d.Name }, nil)(ctx)
}

func (r *clientHolder) jobNames(ctx context.Context) ([]string, error) {
	return namesOf(r.Client.ListJobs, func(j api.Job) string { return j.Name }, nil)(ctx)
}

func (r *clientHolder) registryCredentialNames(ctx context.Context) ([]string, error) {
	return namesOf(r.Client.ListRegistryCredentials, func(c api.RegistryCredentials) string { return c.Name }, nil)(ctx)
}
