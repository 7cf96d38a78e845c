//go:build tools

// Package tools pins the Python language host the engine tests run. Like the Node.js host (see
// ../language-nodejs/tools.go), its own module (github.com/pulumi/pulumi/sdk/python/cmd/
// pulumi-language-python/v3) is not served at the v3.248.0 release, so this is the host as it was
// inside the sdk module before it moved out in May 2023 (sdk/v3 v3.68.0). It runs a program with
// the python that PULUMI_PYTHON_CMD names (one with the `pulumi` package 3.248.0).
package tools

import (
	_ "github.com/pulumi/pulumi/sdk/v3/python/cmd/pulumi-language-python"
)
