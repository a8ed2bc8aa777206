package sharedschema

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/gpucloud/terraform-provider-gpucloud/internal/planmod"
)

// Passwords is a create-only secret in HashiCorp's convention for write-only
// arguments: password_wo (never stored) with password_wo_version, or, for
// engines without write-only support, password (sensitive, stored in state).
type Passwords struct {
	Password  types.String `tfsdk:"password"`
	WO        types.String `tfsdk:"password_wo"`
	WOVersion types.Int64  `tfsdk:"password_wo_version"`
}

// Value is the password to send: the write-only one from the configuration
// (write-only values are only there), else the stored one from the plan.
func (p Passwords) Value(config Passwords) string {
	if !config.WO.IsNull() {
		return config.WO.ValueString()
	}
	return p.Password.ValueString()
}

// Set reports whether either form is configured.
func (p Passwords) Set() bool { return !p.Password.IsNull() || !p.WO.IsNull() }

// Stored is the password as state keeps it: the write-only form never.
func (p Passwords) Stored() Passwords {
	p.WO = types.StringNull()
	return p
}

// PasswordAttributes are the three arguments, for a password the cloud takes
// only at creation: changing it replaces the object. what says what it is
// for; extra validators (a minimum length) apply to both forms.
func PasswordAttributes(what string, extra ...validator.String) map[string]schema.Attribute {
	return WriteOnlyAttributes("password", what, extra...)
}

// WriteOnlyAttributes are name (sensitive, stored), name_wo (write-only) and
// name_wo_version, for a secret value the cloud takes only at creation and
// never returns.
func WriteOnlyAttributes(name, what string, extra ...validator.String) map[string]schema.Attribute {
	attributes := StoredOrWriteOnly(name, what, name+"_wo_version", extra...)
	attributes[name+"_wo_version"] = schema.Int64Attribute{
		Optional: true, PlanModifiers: []planmodifier.Int64{planmod.ReplaceOrAdoptInt64()},
		Validators: []validator.Int64{int64validator.AlsoRequires(path.MatchRoot(name + "_wo"))},
		MarkdownDescription: "A number to change when `" + name + "_wo` changes, since Terraform cannot compare write-only " +
			"values: changing it replaces the object with one made with the new value.",
	}
	return attributes
}

// StoredOrWriteOnly are name (sensitive, stored) and name_wo (write-only),
// at most one of them, for a secret value the cloud takes only at creation
// and never returns; version names the attribute whose change sends a new
// write-only value, which the caller declares (several secrets may share
// one).
func StoredOrWriteOnly(name, what, version string, extra ...validator.String) map[string]schema.Attribute {
	wo, plain := path.MatchRoot(name+"_wo"), path.MatchRoot(name)
	return map[string]schema.Attribute{
		name: schema.StringAttribute{
			Optional: true, Sensitive: true, PlanModifiers: []planmodifier.String{planmod.ReplaceOrAdoptString()},
			Validators: append([]validator.String{stringvalidator.ConflictsWith(wo)}, extra...),
			MarkdownDescription: what + ", sent at creation and kept in state (sensitive). For engines without write-only " +
				"arguments (Terraform before 1.11, OpenTofu before 1.11); elsewhere prefer `" + name + "_wo`. Conflicts with " +
				"`" + name + "_wo`. Changing it replaces the object.",
		},
		name + "_wo": schema.StringAttribute{
			Optional: true, Sensitive: true, WriteOnly: true,
			Validators: append([]validator.String{stringvalidator.ConflictsWith(plain), stringvalidator.AlsoRequires(path.MatchRoot(version))}, extra...),
			MarkdownDescription: what + ", sent at creation and never stored in state or plan (write-only: Terraform 1.11 or " +
				"later, OpenTofu 1.11 or later). Requires `" + version + "`; conflicts with `" + name + "`.",
		},
	}
}
