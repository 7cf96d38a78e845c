//go:build tools

// Package tools pins the Go language host the engine tests run Go programs with. The proxy refuses
// the host's own module (github.com/pulumi/pulumi/sdk/go/pulumi-language-go/v3, at every version:
// "403 This module version is not available"), so this is the host as it was inside the sdk module
// before it moved out (sdk/v3 v3.66.0, its last release there).
package tools

import (
	_ "github.com/pulumi/pulumi/sdk/v3/go/pulumi-language-go"
)
