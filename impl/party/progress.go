package party

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"
)

// ProgressHandler is a slog.Handler that prints the parties' protocol milestones (proofs,
// signatures persisted, claims, service start) as one short line each, with the time since
// start: what `podnet demo` shows while it runs. Other records are dropped.
type ProgressHandler struct {
	mu    *sync.Mutex
	w     io.Writer
	start time.Time
	attrs []slog.Attr
}

// NewProgressHandler prints to w, timing from start.
func NewProgressHandler(w io.Writer, start time.Time) *ProgressHandler {
	return &ProgressHandler{mu: &sync.Mutex{}, w: w, start: start}
}

var progressMessages = map[string]bool{
	"proved": true, "signature persisted": true, "claimed": true, "serving": true,
	"claim refused; reconciling": true, "no reveal; trying another distributor": true,
}

// Enabled implements slog.Handler.
func (h *ProgressHandler) Enabled(_ context.Context, l slog.Level) bool { return l >= slog.LevelInfo }

// Handle implements slog.Handler.
func (h *ProgressHandler) Handle(_ context.Context, r slog.Record) error {
	if !progressMessages[r.Message] && r.Level < slog.LevelWarn {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "[%6.1fs]", time.Since(h.start).Seconds())
	party, step := "", ""
	var rest []string
	add := func(a slog.Attr) bool {
		switch a.Key {
		case "party":
			party = a.Value.String()
		case "step":
			step = a.Value.String()
		default:
			rest = append(rest, a.Key+"="+a.Value.String())
		}
		return true
	}
	for _, a := range h.attrs {
		add(a)
	}
	r.Attrs(add)
	if party != "" {
		b.WriteString(" " + party)
	}
	if step != "" {
		b.WriteString(" " + step + ":")
	}
	b.WriteString(" " + r.Message)
	if len(rest) > 0 {
		b.WriteString(" (" + strings.Join(rest, " ") + ")")
	}
	b.WriteString("\n")
	h.mu.Lock()
	defer h.mu.Unlock()
	_, err := io.WriteString(h.w, b.String())
	return err
}

// WithAttrs implements slog.Handler.
func (h *ProgressHandler) WithAttrs(as []slog.Attr) slog.Handler {
	c := *h
	c.attrs = append(append([]slog.Attr(nil), h.attrs...), as...)
	return &c
}

// WithGroup implements slog.Handler (groups are flattened).
func (h *ProgressHandler) WithGroup(string) slog.Handler { return h }
