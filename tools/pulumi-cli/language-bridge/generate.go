package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/hcl2/syntax"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/pcl"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// generatePackage writes a package's SDK for language into the request's directory, with the
// CLI's generators; other packages the schema names come from the engine's loader.
func generatePackage(language string) func(*pulumirpc.GeneratePackageRequest) (*pulumirpc.GeneratePackageResponse, error) {
	return func(req *pulumirpc.GeneratePackageRequest) (*pulumirpc.GeneratePackageResponse, error) {
		loader, err := schema.NewLoaderClient(req.LoaderTarget)
		if err != nil {
			return nil, err
		}
		defer loader.Close()
		var spec schema.PackageSpec
		if err := json.Unmarshal([]byte(req.Schema), &spec); err != nil {
			return nil, fmt.Errorf("reading the schema: %w", err)
		}
		pkg, diags, err := schema.BindSpec(spec, loader, schema.ValidationOptions{AllowDanglingReferences: true})
		if err != nil {
			return nil, err
		}
		if diags.HasErrors() {
			return &pulumirpc.GeneratePackageResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}, nil
		}
		tool := "pulumi-language-" + language
		var files map[string][]byte
		switch language {
		case "nodejs":
			files, err = nodejs.GeneratePackage(tool, pkg, req.ExtraFiles, req.LocalDependencies, req.Local, loader)
		case "python":
			files, err = python.GeneratePackage(tool, pkg, req.ExtraFiles, loader)
		case "go":
			files, err = gogen.GeneratePackage(tool, pkg, req.LocalDependencies)
		}
		if err != nil {
			return nil, err
		}
		for name, content := range files {
			file := filepath.Join(req.Directory, name)
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				return nil, err
			}
			if err := os.WriteFile(file, content, 0o600); err != nil {
				return nil, err
			}
		}
		return &pulumirpc.GeneratePackageResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}, nil
	}
}

// generateProgram turns a program in Pulumi's own language (PCL, what `pulumi import` and
// `pulumi convert` write) into source of language, with the CLI's program generators.
func generateProgram(language string) func(*pulumirpc.GenerateProgramRequest) (*pulumirpc.GenerateProgramResponse, error) {
	return func(req *pulumirpc.GenerateProgramRequest) (*pulumirpc.GenerateProgramResponse, error) {
		loader, err := schema.NewLoaderClient(req.LoaderTarget)
		if err != nil {
			return nil, err
		}
		defer loader.Close()
		parser := syntax.NewParser()
		for name, source := range req.Source {
			if err := parser.ParseFile(strings.NewReader(source), name); err != nil {
				return nil, err
			}
			if parser.Diagnostics.HasErrors() {
				return nil, parser.Diagnostics
			}
		}
		options := []pcl.BindOption{pcl.PreferOutputVersionedInvokes}
		if !req.Strict {
			options = append(options, pcl.NonStrictBindOptions()...)
		}
		program, diags, err := pcl.BindProgram(parser.Files, schema.NewCachedLoader(loader), options...)
		if err != nil {
			return nil, err
		}
		if diags.HasErrors() || program == nil {
			return &pulumirpc.GenerateProgramResponse{Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags)}, nil
		}
		var files map[string][]byte
		var more hcl.Diagnostics
		switch language {
		case "nodejs":
			files, more, err = nodejs.GenerateProgram(program)
		case "python":
			files, more, err = python.GenerateProgram(program)
		case "go":
			files, more, err = gogen.GenerateProgram(program)
		}
		if err != nil {
			return nil, err
		}
		diags = append(diags, more...)
		return &pulumirpc.GenerateProgramResponse{
			Source:      files,
			Diagnostics: plugin.HclDiagnosticsToRPCDiagnostics(diags),
		}, nil
	}
}
