package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// link makes a program depend on SDKs generated beside it (`pulumi package add`), as a CLI
// release's host does: Node.js a `file:` dependency in package.json, Python a line of
// requirements.txt, Go a `replace` in go.mod. The engine then asks for InstallDependencies,
// which the base host serves. The answer says how to import each one.
func link(language string) func(*pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	return func(req *pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
		root := req.GetInfo().GetProgramDirectory()
		if root == "" {
			root = req.GetInfo().GetRootDirectory()
		}
		var said []string
		for _, dep := range req.Packages {
			var how string
			var err error
			switch language {
			case "nodejs":
				how, err = linkNode(root, dep.Path)
			case "python":
				how, err = linkPython(root, dep.Path)
			case "go":
				how, err = linkGo(root, dep.Path)
			}
			if err != nil {
				return nil, fmt.Errorf("linking %s: %w", dep.GetPackage().GetName(), err)
			}
			said = append(said, how)
		}
		return &pulumirpc.LinkResponse{ImportInstructions: strings.Join(said, "\n")}, nil
	}
}

// linkYAML links nothing: a YAML program reads the package's schema from the plugin, and the
// file `pulumi package add` wrote beside it (the package's name, version and plugin) is all it
// needs. A newer pulumi-yaml answers the same.
func linkYAML(*pulumirpc.LinkRequest) (*pulumirpc.LinkResponse, error) {
	return &pulumirpc.LinkResponse{}, nil
}

// linkNode adds `"<name>": "file:<path>"` to the program's dependencies, keeping the rest of
// package.json as it was.
func linkNode(root, sdk string) (string, error) {
	var pkg struct {
		Name string `json:"name"`
	}
	if err := readJSON(filepath.Join(root, sdk, "package.json"), &pkg); err != nil {
		return "", err
	}
	file := filepath.Join(root, "package.json")
	var project map[string]any
	if err := readJSON(file, &project); err != nil {
		return "", err
	}
	deps, _ := project["dependencies"].(map[string]any)
	if deps == nil {
		deps = map[string]any{}
	}
	deps[pkg.Name] = "file:" + filepath.ToSlash(sdk)
	project["dependencies"] = deps
	text, err := json.MarshalIndent(project, "", "  ")
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(file, append(text, '\n'), 0o600); err != nil {
		return "", err
	}
	return fmt.Sprintf("You can then import the SDK in your TypeScript code with:\n\n  import * as %s from %q;\n",
		identifier(pkg.Name), pkg.Name), nil
}

// linkPython adds the SDK's folder to requirements.txt (once).
func linkPython(root, sdk string) (string, error) {
	file := filepath.Join(root, "requirements.txt")
	text, err := os.ReadFile(file)
	if err != nil && !os.IsNotExist(err) {
		return "", err
	}
	line := filepath.ToSlash(sdk)
	lines := strings.Split(strings.TrimRight(string(text), "\n"), "\n")
	present := false
	for _, l := range lines {
		present = present || strings.TrimSpace(l) == line
	}
	if !present {
		content := strings.TrimRight(string(text), "\n")
		if content != "" {
			content += "\n"
		}
		if err := os.WriteFile(file, []byte(content+line+"\n"), 0o600); err != nil {
			return "", err
		}
	}
	module := ""
	entries, err := os.ReadDir(filepath.Join(root, sdk))
	if err != nil {
		return "", err
	}
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(root, sdk, e.Name(), "__init__.py")); e.IsDir() && err == nil {
			module = e.Name()
		}
	}
	if module == "" {
		return "", fmt.Errorf("no Python package in %s", sdk)
	}
	return fmt.Sprintf("You can then import the SDK in your Python code with:\n\n  import %s as %s\n",
		module, strings.TrimPrefix(module, "pulumi_")), nil
}

// linkGo points the program's go.mod at the SDK's module in its folder.
func linkGo(root, sdk string) (string, error) {
	text, err := os.ReadFile(filepath.Join(root, sdk, "go.mod"))
	if err != nil {
		return "", err
	}
	m := regexp.MustCompile(`(?m)^module\s+(\S+)`).FindSubmatch(text)
	if m == nil {
		return "", fmt.Errorf("%s/go.mod names no module", sdk)
	}
	module := string(m[1])
	edit := exec.Command("go", "mod", "edit",
		"-replace", module+"=./"+filepath.ToSlash(sdk), "-require", module+"@v0.0.0-00010101000000-000000000000")
	edit.Dir = root
	if out, err := edit.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go mod edit: %v: %s", err, out)
	}
	// The package is the folder of the module that holds the generated pulumi-plugin.json
	// (the schema's importBasePath), not the module's root.
	plugins, err := filepath.Glob(filepath.Join(root, sdk, "*", "pulumi-plugin.json"))
	if err != nil || len(plugins) != 1 {
		return "", fmt.Errorf("no single Go package in %s", sdk)
	}
	pkg := module + "/" + filepath.Base(filepath.Dir(plugins[0]))
	return fmt.Sprintf("You can then import the SDK in your Go code with:\n\n  import %q\n", pkg), nil
}

func readJSON(file string, v any) error {
	text, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(text, v); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}

// identifier is an npm name as a TypeScript name: "@pulumi/redis-backup" → "redisBackup".
func identifier(npmName string) string {
	base := npmName[strings.LastIndex(npmName, "/")+1:]
	parts := strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == '.' })
	for i := 1; i < len(parts); i++ {
		parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
	}
	return strings.Join(parts, "")
}
