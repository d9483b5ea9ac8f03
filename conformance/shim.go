package conformance

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os/exec"
	"sync"
)

// MaxShimLine bounds one line of the shim protocol (a request or a response).
const MaxShimLine = 16 << 20

// ErrShim reports a shim that broke the protocol: exited, wrote a bad line, answered
// another id, or took longer than the context allowed.
var ErrShim = errors.New("conformance: shim protocol error")

// Shim is a Client that runs another implementation as a child process and speaks the
// JSON-lines protocol of README.md with it: one Request per line on its standard input,
// one Response per line on its standard output.
type Shim struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	out    *bufio.Scanner
	mu     sync.Mutex
	broken error
	logger *slog.Logger
}

// StartShim starts argv[0] with the remaining arguments. Its standard error is passed to
// stderr (which may be nil).
func StartShim(ctx context.Context, argv []string, stderr io.Writer, logger *slog.Logger) (*Shim, error) {
	if len(argv) == 0 {
		return nil, fmt.Errorf("%w: empty shim command", ErrShim)
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Stderr = stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("shim stdin: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("shim stdout: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting shim %q: %w", argv[0], err)
	}
	sc := bufio.NewScanner(stdout)
	sc.Buffer(make([]byte, 64<<10), MaxShimLine)
	logger.Info("shim started", "cmd", argv[0], "pid", cmd.Process.Pid)
	return &Shim{cmd: cmd, stdin: stdin, out: sc, logger: logger}, nil
}

// Do sends one request and reads its response. The context bounds the wait: when it ends
// the shim process is killed (exec.CommandContext) and Do returns.
func (s *Shim) Do(ctx context.Context, req Request) (Response, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.broken != nil {
		return Response{}, s.broken
	}
	line, err := json.Marshal(req)
	if err != nil {
		return Response{}, fmt.Errorf("encoding request: %w", err)
	}
	if _, err := s.stdin.Write(append(line, '\n')); err != nil {
		return Response{}, fmt.Errorf("%w: writing request: %w", ErrShim, err)
	}
	type result struct {
		resp Response
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		if !s.out.Scan() {
			err := s.out.Err()
			if err == nil {
				err = io.ErrUnexpectedEOF
			}
			ch <- result{err: fmt.Errorf("%w: reading response: %w", ErrShim, err)}
			return
		}
		var resp Response
		if err := json.Unmarshal(s.out.Bytes(), &resp); err != nil {
			ch <- result{err: fmt.Errorf("%w: bad response line: %w", ErrShim, err)}
			return
		}
		ch <- result{resp: resp}
	}()
	select {
	case <-ctx.Done():
		_ = s.cmd.Process.Kill()
		s.broken = fmt.Errorf("%w: %w", ErrShim, ctx.Err())
		s.logger.Warn("shim killed", "tcId", req.TcID, "err", ctx.Err())
		return Response{}, s.broken
	case r := <-ch:
		if r.err != nil {
			s.broken = r.err
			return Response{}, r.err
		}
		if r.resp.ID != req.ID {
			return Response{}, fmt.Errorf("%w: response id %d to request %d", ErrShim, r.resp.ID, req.ID)
		}
		if r.resp.Result != ResultValid && r.resp.Result != ResultInvalid {
			return Response{}, fmt.Errorf("%w: result %q", ErrShim, r.resp.Result)
		}
		return r.resp, nil
	}
}

// Close closes the shim's standard input and waits for it to exit.
func (s *Shim) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_ = s.stdin.Close()
	if err := s.cmd.Wait(); err != nil {
		return fmt.Errorf("shim exit: %w", err)
	}
	return nil
}

// Serve answers shim requests from r on w with client until r ends or ctx is done: the
// other side of the protocol, used by `podnet conformance --serve` so that this
// implementation can itself be driven as a shim.
func Serve(ctx context.Context, r io.Reader, w io.Writer, client Client) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), MaxShimLine)
	enc := json.NewEncoder(w)
	for sc.Scan() {
		if err := ctx.Err(); err != nil {
			return err
		}
		var req Request
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.UseNumber()
		if err := dec.Decode(&req); err != nil {
			return fmt.Errorf("%w: bad request line: %w", ErrShim, err)
		}
		resp, err := client.Do(ctx, req)
		if err != nil {
			return fmt.Errorf("serving tcId %d: %w", req.TcID, err)
		}
		resp.ID = req.ID
		if err := enc.Encode(resp); err != nil {
			return fmt.Errorf("writing response: %w", err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading requests: %w", err)
	}
	return nil
}
