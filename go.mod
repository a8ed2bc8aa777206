module github.com/gpucloud/terraform-provider-gpucloud

// 1.25.8 is the oldest Go that terraform-plugin-testing v1.16 accepts; staying
// there keeps the provider buildable on every supported toolchain.
go 1.25.8

require (
	github.com/hashicorp/go-cleanhttp v0.5.2
	github.com/hashicorp/go-retryablehttp v0.7.8
	github.com/hashicorp/terraform-plugin-log v0.11.0
	golang.org/x/time v0.14.0
)

require (
	github.com/fatih/color v1.16.0 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/hashicorp/go-hclog v1.6.3 // indirect
	github.com/mattn/go-colorable v0.1.13 // indirect
	github.com/mattn/go-isatty v0.0.20 // indirect
	github.com/mitchellh/go-testing-interface v1.14.1 // indirect
	golang.org/x/sys v0.20.0 // indirect
)
