//go:build tools

// Package tools pins the Pulumi CLI that the engine tests run: `go build` of the blank import
// below, at the versions go.mod requires (the same release as the @pulumi/pulumi npm package).
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
