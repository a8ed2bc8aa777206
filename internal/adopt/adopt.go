// Package adopt makes creates safe to lose: when a create's answer is lost
// after the request reached the cloud, the object may exist without anyone
// knowing its ID. Looking for it before reporting failure keeps it from being
// billed outside Terraform's state, and keeps the next apply from creating a
// second one.
package adopt

import (
	"context"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
)

// Create runs create; if its answer was lost, find looks for what it made and
// returns that object's ID ("" when there is none).
func Create(ctx context.Context, create, find func(context.Context) (string, error)) (string, error) {
	id, err := create(ctx)
	if err == nil || !transport.MayHaveSucceeded(err) {
		return id, err
	}
	found, findErr := find(ctx)
	if findErr != nil || found == "" {
		return "", err
	}
	return found, nil
}
