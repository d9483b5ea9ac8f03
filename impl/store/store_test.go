package store

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

type record struct {
	Index uint64
	Sig   []byte
	Note  string
}

var (
	recs    = NewBucket[record]("recs")
	counter = NewBucket[uint64]("counter")
)

func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(filepath.Join(t.TempDir(), "p.db"), nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	return db
}

func TestBucketOps(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	r1 := record{Index: 1, Sig: []byte{1, 2}, Note: "a"}
	tests := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"get missing bucket", func(t *testing.T) {
			err := db.View(ctx, func(tx *Tx) error { _, err := recs.Get(tx, []byte("x")); return err })
			require.ErrorIs(t, err, ErrNotFound)
		}},
		{"put then get", func(t *testing.T) {
			require.NoError(t, db.Update(ctx, func(tx *Tx) error { return recs.Put(tx, []byte("k1"), r1) }))
			var got record
			require.NoError(t, db.View(ctx, func(tx *Tx) error {
				var err error
				got, err = recs.Get(tx, []byte("k1"))
				return err
			}))
			require.Equal(t, r1, got)
		}},
		{"insert does not overwrite", func(t *testing.T) {
			var stored bool
			require.NoError(t, db.Update(ctx, func(tx *Tx) error {
				var err error
				stored, err = recs.Insert(tx, []byte("k1"), record{Note: "other"})
				return err
			}))
			require.False(t, stored)
		}},
		{"write in view is refused", func(t *testing.T) {
			err := db.View(ctx, func(tx *Tx) error { return recs.Put(tx, []byte("k2"), r1) })
			require.ErrorIs(t, err, ErrReadOnly)
		}},
		{"rollback on error", func(t *testing.T) {
			boom := errors.New("boom")
			err := db.Update(ctx, func(tx *Tx) error {
				if err := recs.Put(tx, []byte("k3"), r1); err != nil {
					return err
				}
				return boom
			})
			require.ErrorIs(t, err, boom)
			require.NoError(t, db.View(ctx, func(tx *Tx) error {
				ok, err := recs.Has(tx, []byte("k3"))
				require.False(t, ok)
				return err
			}))
		}},
		{"prefix iteration", func(t *testing.T) {
			require.NoError(t, db.Update(ctx, func(tx *Tx) error {
				for _, k := range []string{"a/1", "a/2", "b/1"} {
					if err := recs.Put(tx, []byte(k), record{Note: k}); err != nil {
						return err
					}
				}
				return nil
			}))
			var seen []string
			require.NoError(t, db.View(ctx, func(tx *Tx) error {
				return recs.ForEach(tx, []byte("a/"), func(k []byte, v record) error {
					seen = append(seen, v.Note)
					return nil
				})
			}))
			require.Equal(t, []string{"a/1", "a/2"}, seen)
		}},
		{"wrong type is corrupt", func(t *testing.T) {
			wrong := NewBucket[uint64]("recs")
			err := db.View(ctx, func(tx *Tx) error { _, err := wrong.Get(tx, []byte("k1")); return err })
			require.ErrorIs(t, err, ErrCorrupt)
		}},
		{"delete", func(t *testing.T) {
			require.NoError(t, db.Update(ctx, func(tx *Tx) error { return recs.Delete(tx, []byte("k1")) }))
			err := db.View(ctx, func(tx *Tx) error { _, err := recs.Get(tx, []byte("k1")); return err })
			require.ErrorIs(t, err, ErrNotFound)
		}},
		{"cancelled context", func(t *testing.T) {
			cctx, cancel := context.WithCancel(ctx)
			cancel()
			require.ErrorIs(t, db.Update(cctx, func(*Tx) error { return nil }), context.Canceled)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, tc.run)
	}
}

func TestReopenPersists(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	db, err := Open(path, nil)
	require.NoError(t, err)
	require.NoError(t, db.Update(ctx, func(tx *Tx) error { return counter.Put(tx, []byte("n"), 42) }))
	require.NoError(t, db.Close())
	db, err = Open(path, nil)
	require.NoError(t, err)
	defer db.Close()
	require.NoError(t, db.View(ctx, func(tx *Tx) error {
		n, err := counter.Get(tx, []byte("n"))
		require.Equal(t, uint64(42), n)
		return err
	}))
}

func TestSecondOpenIsLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	db, err := Open(path, nil)
	require.NoError(t, err)
	defer db.Close()
	// bbolt's flock is per open file description, so a second Open in the same
	// process contends for it like another process would.
	_, err = Open(path, &Options{LockTimeout: 100 * time.Millisecond})
	require.ErrorIs(t, err, ErrLocked)
}

// crashChildEnv makes the test binary act as the writer that gets killed.
const crashChildEnv = "PODNET_STORE_CRASH_CHILD"

// TestMain lets the test binary re-execute itself as a crash victim.
func TestMain(m *testing.M) {
	if path := os.Getenv(crashChildEnv); path != "" {
		crashChild(path)
		return
	}
	os.Exit(m.Run())
}

// crashChild writes transactions forever; each one stores the counter value n and
// n records "n/0".."n/7", all in one transaction. It prints n after each commit.
func crashChild(path string) {
	ctx := context.Background()
	db, err := Open(path, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	for n := uint64(1); ; n++ {
		err := db.Update(ctx, func(tx *Tx) error {
			for j := range 8 {
				key := binary.BigEndian.AppendUint64(nil, n)
				key = append(key, byte(j))
				if err := recs.Put(tx, key, record{Index: n, Sig: make([]byte, 512)}); err != nil {
					return err
				}
			}
			return counter.Put(tx, []byte("n"), n)
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(4)
		}
		fmt.Println(n)
	}
}

// TestCrashNothingHalfWritten kills a writer with SIGKILL in the middle of its
// transactions and checks, after reopening, that every acknowledged transaction is
// there and that no transaction is partially applied.
func TestCrashNothingHalfWritten(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a child process")
	}
	ctx := context.Background()
	for round := range 3 {
		t.Run(strconv.Itoa(round), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "crash.db")
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
			out, err := cmd.StdoutPipe()
			require.NoError(t, err)
			require.NoError(t, cmd.Start())
			sc := bufio.NewScanner(out)
			var acked uint64
			for sc.Scan() {
				acked, err = strconv.ParseUint(strings.TrimSpace(sc.Text()), 10, 64)
				require.NoError(t, err)
				if acked >= uint64(20+round*15) {
					break
				}
			}
			require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
			_ = cmd.Wait()

			db, err := Open(path, nil)
			require.NoError(t, err)
			defer db.Close()
			require.NoError(t, db.View(ctx, func(tx *Tx) error {
				n, err := counter.Get(tx, []byte("n"))
				if err != nil {
					return err
				}
				require.GreaterOrEqual(t, n, acked, "an acknowledged commit was lost")
				require.Equal(t, int(n*8), recs.Count(tx), "a transaction was half applied")
				return recs.ForEach(tx, nil, func(k []byte, v record) error {
					require.LessOrEqual(t, v.Index, n)
					return nil
				})
			}))
		})
	}
}
