// Package store is the embedded, transactional key-value store of one podnet party
// (spec/pod.md, "Persistence").
//
// It wraps bbolt: every write runs in one read-write transaction that is fsync'd
// before Update returns, so after a crash (power loss, SIGKILL) a transaction is
// either entirely on disk or not at all; nothing is half-written. Values are kept in
// typed buckets and encoded as deterministic CBOR (RFC 8949 section 4.2.1).
package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/fxamacker/cbor/v2"
	bolt "go.etcd.io/bbolt"
)

// ErrNotFound is returned by Get when a key is absent.
var ErrNotFound = errors.New("store: not found")

// ErrLocked is returned by Open when another process holds the database.
var ErrLocked = errors.New("store: database locked by another process")

// ErrCorrupt is returned when a stored value cannot be decoded into its bucket's type.
var ErrCorrupt = errors.New("store: corrupt value")

// ErrReadOnly is returned when a write is attempted in a read-only transaction.
var ErrReadOnly = errors.New("store: write in a read-only transaction")

// DB is one party's store. It is safe for concurrent use: any number of readers and
// one writer at a time.
type DB struct {
	db  *bolt.DB
	enc cbor.EncMode
	dec cbor.DecMode
}

// Options configure Open.
type Options struct {
	// LockTimeout bounds the wait for the file lock held by another process
	// (default 2 s). A zero value means the default.
	LockTimeout time.Duration
}

// Open opens (creating if needed) the store at path. The parent directory is created
// with mode 0700. Commits are fsync'd (bbolt's NoSync is never set).
func Open(path string, opts *Options) (*DB, error) {
	timeout := 2 * time.Second
	if opts != nil && opts.LockTimeout > 0 {
		timeout = opts.LockTimeout
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("store: create directory: %w", err)
	}
	b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, NoSync: false, NoFreelistSync: false})
	if err != nil {
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, fmt.Errorf("%w: %s", ErrLocked, path)
		}
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	enc, err := cbor.CoreDetEncOptions().EncMode()
	if err != nil {
		_ = b.Close()
		return nil, fmt.Errorf("store: cbor encoder: %w", err)
	}
	dec, err := cbor.DecOptions{DupMapKey: cbor.DupMapKeyEnforcedAPF}.DecMode()
	if err != nil {
		_ = b.Close()
		return nil, fmt.Errorf("store: cbor decoder: %w", err)
	}
	return &DB{db: b, enc: enc, dec: dec}, nil
}

// Path returns the file the store lives in.
func (d *DB) Path() string { return d.db.Path() }

// Close closes the store. Pending transactions finish first.
func (d *DB) Close() error {
	if err := d.db.Close(); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	return nil
}

// Tx is one transaction. It is valid only inside the function given to Update or View.
type Tx struct {
	tx *bolt.Tx
	db *DB
}

// Update runs fn in one read-write transaction. If fn returns nil the transaction is
// committed and fsync'd before Update returns; otherwise it is rolled back and nothing
// of it reaches the disk. ctx is checked before the transaction starts.
func (d *DB) Update(ctx context.Context, fn func(*Tx) error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: update: %w", err)
	}
	return d.db.Update(func(btx *bolt.Tx) error {
		return fn(&Tx{tx: btx, db: d})
	})
}

// View runs fn in a read-only transaction that sees one consistent snapshot.
func (d *DB) View(ctx context.Context, fn func(*Tx) error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: view: %w", err)
	}
	return d.db.View(func(btx *bolt.Tx) error {
		return fn(&Tx{tx: btx, db: d})
	})
}

// Bucket is a named bucket whose values are of type V (encoded as deterministic CBOR).
// A Bucket value is only a name and a type: it holds no state and may be declared once
// and shared.
type Bucket[V any] struct {
	name []byte
}

// NewBucket returns the typed bucket called name.
func NewBucket[V any](name string) Bucket[V] {
	return Bucket[V]{name: []byte(name)}
}

// Name returns the bucket's name.
func (b Bucket[V]) Name() string { return string(b.name) }

func (b Bucket[V]) read(tx *Tx) *bolt.Bucket { return tx.tx.Bucket(b.name) }

func (b Bucket[V]) write(tx *Tx) (*bolt.Bucket, error) {
	if !tx.tx.Writable() {
		return nil, ErrReadOnly
	}
	bk, err := tx.tx.CreateBucketIfNotExists(b.name)
	if err != nil {
		return nil, fmt.Errorf("store: bucket %s: %w", b.name, err)
	}
	return bk, nil
}

// Put stores v under key, replacing any previous value.
func (b Bucket[V]) Put(tx *Tx, key []byte, v V) error {
	bk, err := b.write(tx)
	if err != nil {
		return err
	}
	raw, err := tx.db.enc.Marshal(v)
	if err != nil {
		return fmt.Errorf("store: encode %s/%x: %w", b.name, key, err)
	}
	if err := bk.Put(key, raw); err != nil {
		return fmt.Errorf("store: put %s/%x: %w", b.name, key, err)
	}
	return nil
}

// Insert stores v under key only if the key is absent; it reports whether it stored.
func (b Bucket[V]) Insert(tx *Tx, key []byte, v V) (bool, error) {
	ok, err := b.Has(tx, key)
	if err != nil || ok {
		return false, err
	}
	return true, b.Put(tx, key, v)
}

// Has reports whether key is present.
func (b Bucket[V]) Has(tx *Tx, key []byte) (bool, error) {
	bk := b.read(tx)
	if bk == nil {
		return false, nil
	}
	return bk.Get(key) != nil, nil
}

// Get returns the value under key, or ErrNotFound.
func (b Bucket[V]) Get(tx *Tx, key []byte) (V, error) {
	var v V
	bk := b.read(tx)
	if bk == nil {
		return v, fmt.Errorf("%w: %s/%x", ErrNotFound, b.name, key)
	}
	raw := bk.Get(key)
	if raw == nil {
		return v, fmt.Errorf("%w: %s/%x", ErrNotFound, b.name, key)
	}
	if err := tx.db.dec.Unmarshal(raw, &v); err != nil {
		return v, fmt.Errorf("%w: %s/%x: %w", ErrCorrupt, b.name, key, err)
	}
	return v, nil
}

// Delete removes key; deleting an absent key is not an error.
func (b Bucket[V]) Delete(tx *Tx, key []byte) error {
	bk, err := b.write(tx)
	if err != nil {
		return err
	}
	if err := bk.Delete(key); err != nil {
		return fmt.Errorf("store: delete %s/%x: %w", b.name, key, err)
	}
	return nil
}

// ForEach calls fn for every key in ascending byte order (keys sharing prefix only,
// when prefix is not empty). fn must not modify the bucket; returning an error stops
// the iteration and returns that error.
func (b Bucket[V]) ForEach(tx *Tx, prefix []byte, fn func(key []byte, v V) error) error {
	bk := b.read(tx)
	if bk == nil {
		return nil
	}
	c := bk.Cursor()
	var k, raw []byte
	if len(prefix) == 0 {
		k, raw = c.First()
	} else {
		k, raw = c.Seek(prefix)
	}
	for ; k != nil && bytes.HasPrefix(k, prefix); k, raw = c.Next() {
		var v V
		if err := tx.db.dec.Unmarshal(raw, &v); err != nil {
			return fmt.Errorf("%w: %s/%x: %w", ErrCorrupt, b.name, k, err)
		}
		if err := fn(bytes.Clone(k), v); err != nil {
			return err
		}
	}
	return nil
}

// Count returns the number of keys in the bucket.
func (b Bucket[V]) Count(tx *Tx) int {
	bk := b.read(tx)
	if bk == nil {
		return 0
	}
	return bk.Stats().KeyN
}
