// Package e2e runs the built provider binary under the terraform CLI, the
// way users run it, against an in-process gpucloud-sim.
package e2e
