package main

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// runNodePlugin runs a plugin project (PulumiPlugin.yaml, `runtime: nodejs`) with node, its
// output streamed back as it comes and its exit code last, as a CLI release's Node.js host does
// for JavaScript plugins; the v3.68 host answers "not supported".
func runNodePlugin(stream grpc.ServerStream) error {
	var frame []byte
	if err := stream.RecvMsg(&frame); err != nil {
		return err
	}
	var req pulumirpc.RunPluginRequest
	if err := proto.Unmarshal(frame, &req); err != nil {
		return err
	}
	program := req.Program
	if info := req.GetInfo(); info != nil {
		program = filepath.Join(info.ProgramDirectory, info.EntryPoint)
	}
	cmd := exec.CommandContext(stream.Context(), "node", append([]string{program}, req.Args...)...)
	cmd.Dir = req.Pwd
	cmd.Env = append(os.Environ(), req.Env...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}

	var mu sync.Mutex
	send := func(res *pulumirpc.RunPluginResponse) error {
		out, err := proto.Marshal(res)
		if err != nil {
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		return stream.SendMsg(&out)
	}
	relay := func(r io.Reader, wrap func([]byte) *pulumirpc.RunPluginResponse) {
		buf := make([]byte, 32*1024)
		for {
			n, err := r.Read(buf)
			if n > 0 {
				_ = send(wrap(append([]byte(nil), buf[:n]...)))
			}
			if err != nil {
				return
			}
		}
	}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		relay(stdout, func(b []byte) *pulumirpc.RunPluginResponse {
			return &pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stdout{Stdout: b}}
		})
	}()
	go func() {
		defer wg.Done()
		relay(stderr, func(b []byte) *pulumirpc.RunPluginResponse {
			return &pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stderr{Stderr: b}}
		})
	}()
	wg.Wait()
	code := 0
	if err := cmd.Wait(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			return err
		}
		code = exit.ExitCode()
	}
	return send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: int32(code)}})
}
