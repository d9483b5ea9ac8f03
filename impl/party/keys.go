package party

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"

	"github.com/podnet/podnet/impl/firmware"
	"github.com/podnet/podnet/impl/zk"
)

// VendorKeys returns the vendor's Groth16 keys of both modes for class. The vendor
// generates keys once per size class and reuses them for every update of that class
// (the paper's (pk, vk) := Gen(1^λ, C)): when dir holds keys for the class they are read,
// otherwise a fresh setup is run and written to dir (dir "" disables the key store).
// progress, when not nil, is told what is happening (setups take long).
func VendorKeys(dir string, class firmware.Class, progress func(string)) (KeySet, error) {
	if progress == nil {
		progress = func(string) {}
	}
	ks := KeySet{}
	for _, m := range zk.Modes() {
		var base string
		if dir != "" {
			// The file name carries a fingerprint of the compiled circuit, so that keys
			// of an older circuit are never reused.
			fp, err := circuitFingerprint(m, class)
			if err != nil {
				return nil, err
			}
			base = filepath.Join(dir, fmt.Sprintf("%s-%s-%x", m, class.Name, fp[:8]))
			if k, err := readKeys(base); err == nil && k.PK.Mode == m && k.PK.Class == class {
				progress(fmt.Sprintf("read %s/%s keys from %s", m, class.Name, dir))
				ks[m] = k
				continue
			}
		}
		progress(fmt.Sprintf("Groth16 setup %s/%s ...", m, class.Name))
		k, err := zk.Setup(m, class)
		if err != nil {
			return nil, fmt.Errorf("party: vendor keys: %w", err)
		}
		progress(fmt.Sprintf("Groth16 setup %s/%s done: %d constraints", m, class.Name, k.Constraints))
		if dir != "" {
			if err := writeKeys(base, k); err != nil {
				return nil, err
			}
		}
		ks[m] = k
	}
	return ks, nil
}

// circuitFingerprint is SHA-256 of the serialised constraint system of (mode, class).
func circuitFingerprint(m zk.Mode, class firmware.Class) ([32]byte, error) {
	cs, err := zk.Compile(m, class)
	if err != nil {
		return [32]byte{}, err
	}
	h := sha256.New()
	if _, err := cs.WriteTo(h); err != nil {
		return [32]byte{}, fmt.Errorf("party: fingerprint %s/%s: %w", m, class.Name, err)
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out, nil
}

func readKeys(base string) (*zk.Keys, error) {
	vb, err := os.ReadFile(base + ".vk")
	if err != nil {
		return nil, err
	}
	vk, err := zk.ParseVerifyingKey(vb)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(base + ".pk")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	pk, err := zk.ReadProvingKey(f)
	if err != nil {
		return nil, err
	}
	if pk.Mode != vk.Mode || pk.Class != vk.Class {
		return nil, fmt.Errorf("%w: key files disagree", zk.ErrBadKey)
	}
	return &zk.Keys{PK: pk, VK: vk, Constraints: pk.Constraints()}, nil
}

// writeKeys writes the key pair atomically (temporary file, fsync, rename).
func writeKeys(base string, k *zk.Keys) error {
	if err := os.MkdirAll(filepath.Dir(base), 0o700); err != nil {
		return fmt.Errorf("party: key store: %w", err)
	}
	var pkb bytes.Buffer
	if _, err := k.PK.WriteTo(&pkb); err != nil {
		return err
	}
	vkb, err := k.VK.MarshalBinary()
	if err != nil {
		return err
	}
	for _, f := range []struct {
		path string
		data []byte
	}{{base + ".pk", pkb.Bytes()}, {base + ".vk", vkb}} {
		if err := writeAtomic(f.path, f.data); err != nil {
			return err
		}
	}
	return nil
}

func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("party: key store: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("party: key store: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("party: key store: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("party: key store: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("party: key store: %w", err)
	}
	return nil
}
