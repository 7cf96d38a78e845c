package main

// service is the language host's gRPC service, as the engine names its methods.
const service = "/pulumirpc.LanguageRuntime/"

// ownMethods are, per language, the calls the bridge answers itself; the base host gets the rest.
var ownMethods = map[string]map[string]method{
	"nodejs": languageMethods("nodejs", map[string]method{service + "RunPlugin": runNodePlugin}),
	"python": languageMethods("python", nil),
	"go":     languageMethods("go", nil),
	// pulumi-yaml v1.25 generates programs and package files itself; it predates Link only.
	"yaml": {service + "Link": unary(linkYAML)},
}

func languageMethods(language string, more map[string]method) map[string]method {
	own := map[string]method{
		service + "GeneratePackage": unary(generatePackage(language)),
		service + "GenerateProgram": unary(generateProgram(language)),
		service + "Link":            unary(link(language)),
	}
	for name, m := range more {
		own[name] = m
	}
	return own
}
