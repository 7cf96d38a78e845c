package main

import (
	"errors"
	"fmt"
	"io"

	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
	"google.golang.org/protobuf/proto"
)

// rawCodec passes messages through as their bytes: the bridge forwards what it does not serve
// without knowing its type, so a base host's answer reaches the engine exactly as it was sent.
type rawCodec struct{}

func (rawCodec) Marshal(v any) ([]byte, error) {
	if b, ok := v.(*[]byte); ok {
		return *b, nil
	}
	return nil, fmt.Errorf("rawCodec: cannot marshal %T", v)
}

func (rawCodec) Unmarshal(data []byte, v any) error {
	b, ok := v.(*[]byte)
	if !ok {
		return fmt.Errorf("rawCodec: cannot unmarshal into %T", v)
	}
	*b = append((*b)[:0], data...)
	return nil
}

// Name is "proto": on the wire these are the protobuf messages the engine sent.
func (rawCodec) Name() string { return "proto" }

// method serves one call the base host does not.
type method func(stream grpc.ServerStream) error

// bridge answers the methods in own itself and forwards every other call to conn.
func bridge(conn *grpc.ClientConn, own map[string]method) grpc.StreamHandler {
	return func(_ any, stream grpc.ServerStream) error {
		name, _ := grpc.MethodFromServerStream(stream)
		if serve, ok := own[name]; ok {
			return serve(stream)
		}
		return forward(conn, name, stream)
	}
}

// forward relays one call, in both directions, headers and trailers included, so that a base
// host's "not implemented" reaches the engine as such.
func forward(conn *grpc.ClientConn, name string, stream grpc.ServerStream) error {
	ctx := stream.Context()
	if md, ok := metadata.FromIncomingContext(ctx); ok {
		ctx = metadata.NewOutgoingContext(ctx, md.Copy())
	}
	upstream, err := conn.NewStream(ctx, &grpc.StreamDesc{ServerStreams: true, ClientStreams: true}, name,
		grpc.ForceCodec(rawCodec{}))
	if err != nil {
		return err
	}
	// The engine's messages go up as they come; a failure there ends the call below, where the
	// base host's answer (or its error) is read.
	go func() {
		for {
			var frame []byte
			if err := stream.RecvMsg(&frame); err != nil {
				if errors.Is(err, io.EOF) {
					_ = upstream.CloseSend()
				}
				return
			}
			if err := upstream.SendMsg(&frame); err != nil {
				return
			}
		}
	}()
	if md, err := upstream.Header(); err == nil {
		_ = stream.SendHeader(md)
	}
	for {
		var frame []byte
		if err := upstream.RecvMsg(&frame); err != nil {
			stream.SetTrailer(upstream.Trailer())
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		if err := stream.SendMsg(&frame); err != nil {
			return err
		}
	}
}

// unary serves a one-request, one-answer method with typed messages.
func unary[Req any, PReq interface {
	*Req
	proto.Message
}, Res proto.Message](handle func(PReq) (Res, error)) method {
	return func(stream grpc.ServerStream) error {
		var frame []byte
		if err := stream.RecvMsg(&frame); err != nil {
			return err
		}
		req := PReq(new(Req))
		if err := proto.Unmarshal(frame, req); err != nil {
			return err
		}
		res, err := handle(req)
		if err != nil {
			return err
		}
		out, err := proto.Marshal(res)
		if err != nil {
			return err
		}
		return stream.SendMsg(&out)
	}
}
