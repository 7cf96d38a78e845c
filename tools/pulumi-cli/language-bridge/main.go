// Command language-bridge is a Pulumi language host made of two parts: the host this repository
// can build for its language (the v3.68 Node.js and Python hosts, the v3.66 Go host, pulumi-yaml
// v1.25, built as pulumi-language-<lang>-base), which runs programs, and the methods those hosts
// predate, served here with the CLI's own code (pkg/v3 at the CLI's version, v3.248.0):
// GeneratePackage, GenerateProgram and Link, and for Node.js RunPlugin (for YAML, Link only).
// Every other call goes to the base host byte for byte.
//
// Why: the Go module proxy refuses the language hosts' own modules at the CLI's release
// (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 and the Python and Go ones:
// "403 This module version is not available"), and without these methods `pulumi package add`,
// `pulumi package gen-sdk` and the code `pulumi import` prints fail. A CLI release's own hosts
// serve them; this is what lets the engine suite run those commands here.
//
// It is installed as pulumi-language-nodejs, -python, -go and -yaml; the
// name it runs under says the language, and the base host is the file beside it with "-base" added.
package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", filepath.Base(os.Args[0]), err)
		os.Exit(1)
	}
}

func run() error {
	name := filepath.Base(os.Args[0])
	language := strings.TrimPrefix(name, "pulumi-language-")
	own, ok := ownMethods[language]
	if !ok {
		return fmt.Errorf("run as pulumi-language-nodejs, -python, -go or -yaml, not %s", name)
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}

	// The base host dies with this process (PR_SET_PDEATHSIG follows the thread that started
	// it, so that thread is kept): the engine stops a host by killing it, and a base host left
	// behind would serve on forever.
	runtime.LockOSThread()
	base := exec.Command(filepath.Join(filepath.Dir(self), name+"-base"), os.Args[1:]...)
	base.Stderr = os.Stderr
	base.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	out, err := base.StdoutPipe()
	if err != nil {
		return err
	}
	if err := base.Start(); err != nil {
		return fmt.Errorf("starting the base host: %w", err)
	}
	// The engine stops a host with SIGINT (then kills it): the base host gets it too, and its
	// ending by that signal is the stop asked for, not a failure.
	var signalled atomic.Bool
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		for s := range signals {
			signalled.Store(true)
			_ = base.Process.Signal(s)
		}
	}()

	// A host announces its port on its first line of stdout; the engine reads ours.
	lines := bufio.NewReader(out)
	port, err := lines.ReadString('\n')
	if err != nil {
		return fmt.Errorf("reading the base host's port: %w", err)
	}
	go func() { _, _ = io.Copy(os.Stdout, lines) }()
	conn, err := grpc.NewClient("127.0.0.1:"+strings.TrimSpace(port),
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(maxMessage), grpc.MaxCallSendMsgSize(maxMessage)))
	if err != nil {
		return err
	}
	defer conn.Close()

	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	server := grpc.NewServer(
		grpc.ForceServerCodec(rawCodec{}),
		grpc.UnknownServiceHandler(bridge(conn, own)),
		grpc.MaxRecvMsgSize(maxMessage), grpc.MaxSendMsgSize(maxMessage))
	fmt.Printf("%d\n", listener.Addr().(*net.TCPAddr).Port)

	served := make(chan error, 1)
	go func() { served <- server.Serve(listener) }()
	exited := make(chan error, 1)
	go func() { exited <- base.Wait() }()
	select {
	case err := <-served:
		_ = base.Process.Kill()
		return err
	case err := <-exited:
		server.Stop()
		if err != nil && !signalled.Load() {
			return fmt.Errorf("the base host stopped: %w", err)
		}
		return nil
	}
}

// maxMessage is the engine's own limit (schemas and programs can be large).
const maxMessage = 400 * 1024 * 1024
