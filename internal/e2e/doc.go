// Package e2e holds the campaigns that run over every kind of every cloud
// at once, against an in-process gpucloud-sim: faults and out-of-band
// changes (faults_test.go), answer shapes the documents allow and answers
// that are not the cloud's (shapes_test.go), other teams' objects with the
// same names (ownership_test.go), imports of every kind with every argument
// set (imports_test.go; imports_cover_test.go fails when a kind or an
// argument is missing from it) and fleets sharing list requests
// (shared_reads_test.go). A few run the built provider binary under the
// terraform CLI, the way users run it: an apply killed mid-way
// (killed_apply_test.go), another configuration's objects bearing the names
// a plan creates (taken_names_test.go) and secrets in trace logs
// (secrets_test.go); cli_test.go builds that binary.
package e2e
