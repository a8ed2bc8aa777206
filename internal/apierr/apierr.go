// Package apierr turns cloud API errors into Terraform diagnostics that name
// the cloud, the operation and the object, then say what to do.
package apierr

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/adopt"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/transport"
	"github.com/gpucloud/terraform-provider-gpucloud/internal/wait"
)

// Diagnostic describes a failed operation ("creating Verda SSH key \"deploy\"").
func Diagnostic(operation string, err error) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Error "+operation, Detail(err))
}

// Detail is the cloud's message followed by advice.
func Detail(err error) string {
	msg := err.Error()
	if hint := Hint(err); hint != "" {
		msg += "\n\n" + hint
	}
	return msg
}

// Hint says what the user can do about err, or nothing.
func Hint(err error) string {
	var apiErr *transport.APIError
	var timeout *wait.TimeoutError
	var failed *wait.FailedError
	var lost *adopt.LostError
	switch {
	case errors.As(err, &lost):
		return ""
	case errors.As(err, &timeout):
		return "The object exists and is tracked in state; it is marked tainted, so the next apply replaces it. " +
			"Raise the resource's timeouts if the cloud is slow today."
	case errors.As(err, &failed):
		return "The object is tracked in state and marked tainted, so the next apply replaces it."
	case transport.MayHaveChanged(err):
		return "The request reached the cloud but its answer was lost or unreadable, so it may have taken effect. Run apply again: the next plan shows what is left to do."
	case transport.MayHaveSucceeded(err):
		return "The cloud, or a proxy in front of it, gave no usable answer within max_retry_time: it may be down or overloaded. " +
			"Nothing was changed; try again later, or raise max_retry_time in the provider block."
	case !errors.As(err, &apiErr):
		return ""
	case transport.IsCapacity(err):
		return "The cloud has no capacity for this request right now: pick another location or instance type, or try again later."
	case apiErr.Status == http.StatusPaymentRequired || strings.Contains(strings.ToLower(apiErr.Code), "insufficient"):
		return "The account's balance is too low: top it up in the cloud's console and apply again."
	case apiErr.Status == http.StatusUnauthorized:
		return "The cloud refused the credentials: check the provider configuration or its environment variables."
	case apiErr.Status == http.StatusForbidden:
		return "The credentials are valid but not allowed to do this: check their scope or the account's quotas."
	case transport.IsRateLimited(err):
		return "The cloud's rate limit was still exceeded after every retry: lower Terraform's -parallelism or try again in a minute."
	}
	return ""
}

// Describe names an object for messages: `Verda SSH key "deploy"`.
func Describe(cloud, kind, name string) string {
	if name == "" {
		return cloud + " " + kind
	}
	return fmt.Sprintf("%s %s %q", cloud, kind, name)
}

// FieldDiagnostics reports an error whose body names the request fields it
// refused on the attributes those fields come from, with the cloud's request
// ID; anything else becomes one diagnostic for the operation.
func FieldDiagnostics(operation string, err error, attributes map[string]path.Path) diag.Diagnostics {
	var diags diag.Diagnostics
	var apiErr *transport.APIError
	if errors.As(err, &apiErr) && len(apiErr.Fields) > 0 {
		suffix := ""
		if apiErr.RequestID != "" {
			suffix = " (request id " + apiErr.RequestID + ")"
		}
		unmapped := false
		for _, f := range apiErr.Fields {
			if p, ok := attributes[f.Field]; ok {
				diags.AddAttributeError(p, "Error "+operation, fmt.Sprintf("%s refused %s: %s%s", apiErr.Cloud, p, f.Message, suffix))
			} else {
				unmapped = true
			}
		}
		if !unmapped {
			return diags
		}
	}
	diags.Append(Diagnostic(operation, err))
	return diags
}
