// Command gen-sdk writes a Pulumi package's SDK for one language from its schema file, with the
// code generators of pkg/v3 at the CLI's version (pinned by ./go.mod, tidied from ../cli/go.mod).
// `pulumi package gen-sdk` of CLI v3.248.0 asks the language host to generate, which the hosts this
// repository can build (v3.68) do not do; this is the same generator, called directly.
//
// Usage: gen-sdk <schema.json> <nodejs|python|go> <out dir>
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blang/semver"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// noPackages loads no other package: the schema references none but Pulumi's own built-in types.
type noPackages struct{}

func (noPackages) LoadPackage(pkg string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema references package %s; gen-sdk loads none", pkg)
}

func (noPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema references package %s; gen-sdk loads none", d.Name)
}

func (noPackages) LoadPackageReference(pkg string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, fmt.Errorf("the schema references package %s; gen-sdk loads none", pkg)
}

func (noPackages) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return nil, fmt.Errorf("the schema references package %s; gen-sdk loads none", d.Name)
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "gen-sdk: %v\n", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) != 3 {
		return fmt.Errorf("usage: gen-sdk <schema.json> <nodejs|python|go> <out dir>")
	}
	text, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(text, &spec); err != nil {
		return fmt.Errorf("%s: %w", args[0], err)
	}
	pkg, diags, err := schema.BindSpec(spec, noPackages{}, schema.ValidationOptions{})
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		return diags
	}
	var files map[string][]byte
	switch args[1] {
	case "nodejs":
		files, err = nodejs.GeneratePackage("pulumi-redis-backup gen-sdk", pkg, nil, nil, false, noPackages{})
	case "go":
		files, err = gogen.GeneratePackage("pulumi-redis-backup gen-sdk", pkg, nil)
	case "python":
		files, err = python.GeneratePackage("pulumi-redis-backup gen-sdk", pkg, nil, noPackages{})
	default:
		return fmt.Errorf("unknown language %q: nodejs, python or go", args[1])
	}
	if err != nil {
		return err
	}
	for name, data := range files {
		path := filepath.Join(args[2], name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
