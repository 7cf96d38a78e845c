//go:build tools

// Package tools pins the YAML language host the engine tests run: pulumi-yaml's
// cmd/pulumi-language-yaml at v1.25.0, served by the Go module proxy. It loads a provider's
// schema from the plugin itself (GetSchema), so a YAML program needs no generated SDK.
package tools

import (
	_ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
)
