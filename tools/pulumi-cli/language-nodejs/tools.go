//go:build tools

// Package tools pins the Node.js language host the engine tests run. The proxy refuses the host's
// own module at the v3.248.0 release commit (github.com/pulumi/pulumi/sdk/nodejs/cmd/
// pulumi-language-nodejs/v3@a88168d865b7: "403 This module version is not available"), so this is
// the host as it was inside the sdk module before it moved out in May 2023 (sdk/v3 v3.68.0).
package tools

import (
	_ "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs"
)
