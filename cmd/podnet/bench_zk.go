package main

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/consensys/gnark-crypto/ecc/bn254"
	"github.com/consensys/gnark-crypto/ecc/bn254/fr"
	"github.com/consensys/gnark/logger"
	"github.com/ethereum/go-ethereum/common"

	"github.com/podnet/podnet/impl/firmware"
	"github.com/podnet/podnet/impl/suite"
	"github.com/podnet/podnet/impl/zk"
)

// zkRow is one (mode, size) measurement of `podnet bench zk`.
type zkRow struct {
	Mode        string  `json:"mode"`
	Class       string  `json:"class"`
	SizeBytes   int     `json:"size_bytes"`
	Constraints int     `json:"constraints"`
	SetupS      float64 `json:"setup_s"`
	ProveS      float64 `json:"prove_s"`
	VerifyMS    float64 `json:"verify_ms"`
	// VerifyDigestMS is the verification of a pre-hashed ciphertext: the
	// Groth16 pairing check alone, without hashing the file.
	VerifyDigestMS float64 `json:"verify_digest_ms"`
	PKMiB          float64 `json:"pk_mib"`
	ProofBytes     int     `json:"proof_bytes"`
}

// zkModeSummary holds the per-mode figures of `podnet bench zk`.
type zkModeSummary struct {
	Mode string `json:"mode"`
	// MarginalConstraintsPerByte is the slope between the two largest sizes run
	// (absent when fewer than two sizes were run).
	MarginalConstraintsPerByte *float64 `json:"marginal_constraints_per_byte,omitempty"`
	// DistributorPerDeviceUS (point-lock only): r = DeriveR(a, t), S = r·G,
	// c = k + r mod n, for one device, in microseconds.
	DistributorPerDeviceUS *float64 `json:"distributor_per_device_us,omitempty"`
	// DeviceLockCheckUS (point-lock only): c·G = K + S, in microseconds.
	DeviceLockCheckUS *float64 `json:"device_lock_check_us,omitempty"`
}

// zkReport is the JSON output of `podnet bench zk --json`.
type zkReport struct {
	Rows  []zkRow         `json:"rows"`
	Modes []zkModeSummary `json:"modes"`
	Notes []string        `json:"notes"`
}

// runBenchZK measures circuit size, setup, proving and verification per lock
// mode and size class, and the point-lock per-device work.
func runBenchZK(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench zk", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sizes := fs.String("sizes", "1KiB,16KiB,64KiB", "comma-separated size classes (64B ... 1MiB)")
	modes := fs.String("modes", "hashlock,pointlock", "comma-separated lock modes")
	asJSON := fs.Bool("json", false, "print one JSON object {rows, modes, notes}")
	verifyRuns := fs.Int("verify-runs", 5, "verifications per row (the median is reported)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: unexpected arguments %v", errUsage, fs.Args())
	}
	var classes []firmware.Class
	for _, s := range strings.Split(*sizes, ",") {
		c, err := firmware.ClassByName(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("%w: --sizes: %v", errUsage, err)
		}
		classes = append(classes, c)
	}
	sort.Slice(classes, func(i, j int) bool { return classes[i].Bytes < classes[j].Bytes })
	var ms []zk.Mode
	for _, s := range strings.Split(*modes, ",") {
		m, err := zk.ParseMode(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("%w: --modes: %v", errUsage, err)
		}
		ms = append(ms, m)
	}
	if *verifyRuns < 1 {
		return fmt.Errorf("%w: --verify-runs must be at least 1", errUsage)
	}

	logger.Disable() // gnark's own logs would interleave with the report
	log := slog.New(slog.NewTextHandler(stderr, nil))
	rep := zkReport{Rows: []zkRow{}, Notes: []string{
		fmt.Sprintf("machine: %d CPUs (GOMAXPROCS %d), %s/%s; timings are wall-clock and include any other load on the machine",
			runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH),
		"setup_s includes compiling the circuit; verify_ms is a device's whole check (hashing the ciphertext with Poseidon2, then Groth16), verify_digest_ms the Groth16 check of a pre-hashed ciphertext; both are medians of --verify-runs",
		"pk_mib is the serialised proving key (gnark raw encoding plus a 13-byte header); proof_bytes the compressed Groth16 proof",
		fmt.Sprintf("Poseidon2 width %d, R_F=%d, R_P=%d, rate %d (%d bytes of firmware per permutation)",
			firmware.Width, firmware.FullRounds, firmware.PartialRounds, firmware.Rate, firmware.Rate*firmware.ChunkBytes),
		"baseline (published ZKCP with SHA-256 and Speck in libsnark): 0.5 KB -> 51 s to prove, 10 KB -> 1790 s, 4.9 GB proving key",
	}}
	for _, m := range ms {
		var modeRows []zkRow
		var k fr.Element
		var K bn254.G1Affine
		for _, c := range classes {
			if err := ctx.Err(); err != nil {
				return err
			}
			log.Info("bench zk", "mode", m, "class", c.Name, "step", "setup")
			row, key, point, err := benchZKRow(ctx, m, c, *verifyRuns)
			if err != nil {
				return fmt.Errorf("%s/%s: %w", m, c.Name, err)
			}
			log.Info("bench zk", "mode", m, "class", c.Name, "constraints", row.Constraints, "prove_s", row.ProveS)
			modeRows = append(modeRows, row)
			k, K = key, point
		}
		sum := zkModeSummary{Mode: m.String()}
		if n := len(modeRows); n >= 2 {
			a, b := modeRows[n-2], modeRows[n-1]
			slope := float64(b.Constraints-a.Constraints) / float64(b.SizeBytes-a.SizeBytes)
			sum.MarginalConstraintsPerByte = &slope
		}
		if m == zk.PointLock && len(modeRows) > 0 {
			dist, dev, err := benchPerDevice(ctx, k, K)
			if err != nil {
				return fmt.Errorf("point-lock per-device: %w", err)
			}
			sum.DistributorPerDeviceUS, sum.DeviceLockCheckUS = &dist, &dev
		}
		rep.Rows = append(rep.Rows, modeRows...)
		rep.Modes = append(rep.Modes, sum)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return printZKReport(stdout, rep)
}

// benchZKRow runs setup, one proof and the verifications for (mode, class)
// on a random image filling the class under a random key.
func benchZKRow(ctx context.Context, m zk.Mode, c firmware.Class, verifyRuns int) (zkRow, fr.Element, bn254.G1Affine, error) {
	row := zkRow{Mode: m.String(), Class: c.Name, SizeBytes: c.Bytes}
	var key fr.Element
	var K bn254.G1Affine
	t0 := time.Now()
	keys, err := zk.Setup(m, c)
	if err != nil {
		return row, key, K, err
	}
	row.SetupS = time.Since(t0).Seconds()
	row.Constraints = keys.Constraints
	var pkBuf countWriter
	if _, err := keys.PK.WriteTo(&pkBuf); err != nil {
		return row, key, K, err
	}
	row.PKMiB = float64(pkBuf.n) / (1 << 20)
	if err := ctx.Err(); err != nil {
		return row, key, K, err
	}

	img := make([]byte, c.Bytes)
	if _, err := rand.Read(img); err != nil {
		return row, key, K, err
	}
	pt, err := firmware.Encode(img, c)
	if err != nil {
		return row, key, K, err
	}
	if _, err := key.SetRandom(); err != nil {
		return row, key, K, err
	}
	var proof *zk.Proof
	var verify, verifyDigest func() error
	var digest [32]byte
	t0 = time.Now()
	switch m {
	case zk.HashLock:
		res, err := zk.ProveHashLock(keys.PK, key, pt)
		if err != nil {
			return row, key, K, err
		}
		row.ProveS = time.Since(t0).Seconds()
		proof = res.Proof
		verify = func() error { return zk.VerifyHashLock(keys.VK, res.S, res.UID, res.Ct, res.Proof) }
		digest = firmware.CiphertextHash(res.Ct)
		verifyDigest = func() error { return zk.VerifyHashLockDigest(keys.VK, res.S, res.UID, digest, res.Proof) }
	case zk.PointLock:
		res, err := zk.ProvePointLock(keys.PK, key, pt)
		if err != nil {
			return row, key, K, err
		}
		row.ProveS = time.Since(t0).Seconds()
		proof, K = res.Proof, res.K
		verify = func() error { return zk.VerifyPointLock(keys.VK, res.K, res.UID, res.Ct, res.Proof) }
		digest = firmware.CiphertextHash(res.Ct)
		verifyDigest = func() error { return zk.VerifyPointLockDigest(keys.VK, res.K, res.UID, digest, res.Proof) }
	}
	pb, err := proof.MarshalBinary()
	if err != nil {
		return row, key, K, err
	}
	row.ProofBytes = len(pb)
	if row.VerifyMS, err = medianMS(verify, verifyRuns); err != nil {
		return row, key, K, err
	}
	if row.VerifyDigestMS, err = medianMS(verifyDigest, verifyRuns); err != nil {
		return row, key, K, err
	}
	return row, key, K, nil
}

// medianMS runs f runs times and returns the median wall time in milliseconds.
func medianMS(f func() error, runs int) (float64, error) {
	times := make([]float64, 0, runs)
	for range runs {
		t0 := time.Now()
		if err := f(); err != nil {
			return 0, err
		}
		times = append(times, float64(time.Since(t0).Microseconds())/1000)
	}
	sort.Float64s(times)
	return times[len(times)/2], nil
}

// benchPerDevice measures the point-lock per-device work: the distributor's
// r = DeriveR(a, t), S = r·G, c = k + r mod n, and the device's check
// c·G = K + S. It returns mean microseconds of each.
func benchPerDevice(ctx context.Context, k fr.Element, K bn254.G1Affine) (distUS, devUS float64, err error) {
	const runs = 200
	distributor := common.HexToAddress("0x00000000000000000000000000000000000d15c0")
	type offer struct {
		c fr.Element
		S bn254.G1Affine
	}
	offers := make([]offer, 0, runs)
	ts := make([][32]byte, runs)
	for i := range ts {
		if _, err := rand.Read(ts[i][:]); err != nil {
			return 0, 0, err
		}
	}
	t0 := time.Now()
	for i := range runs {
		r, err := suite.DeriveR(distributor, ts[i])
		if err != nil {
			return 0, 0, err
		}
		var o offer
		o.S.ScalarMultiplicationBase(r)
		var re fr.Element
		re.SetBigInt(r)
		o.c.Add(&k, &re)
		offers = append(offers, o)
	}
	distUS = float64(time.Since(t0).Microseconds()) / runs
	if err := ctx.Err(); err != nil {
		return 0, 0, err
	}
	t0 = time.Now()
	for _, o := range offers {
		if err := suite.CheckPointLockOffer(o.c, K, o.S); err != nil {
			return 0, 0, err
		}
	}
	devUS = float64(time.Since(t0).Microseconds()) / runs
	return distUS, devUS, nil
}

func printZKReport(w io.Writer, rep zkReport) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "mode\tclass\tbytes\tconstraints\tsetup s\tprove s\tverify ms\tverify digest ms\tpk MiB\tproof B\t")
	for _, r := range rep.Rows {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.1f\t%d\t\n",
			r.Mode, r.Class, r.SizeBytes, r.Constraints, r.SetupS, r.ProveS, r.VerifyMS, r.VerifyDigestMS, r.PKMiB, r.ProofBytes)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	for _, s := range rep.Modes {
		parts := []string{s.Mode + ":"}
		if s.MarginalConstraintsPerByte != nil {
			parts = append(parts, fmt.Sprintf("marginal %.2f constraints/byte", *s.MarginalConstraintsPerByte))
		}
		if s.DistributorPerDeviceUS != nil {
			parts = append(parts, fmt.Sprintf("distributor per device %.0f µs", *s.DistributorPerDeviceUS))
		}
		if s.DeviceLockCheckUS != nil {
			parts = append(parts, fmt.Sprintf("device lock check %.0f µs", *s.DeviceLockCheckUS))
		}
		fmt.Fprintln(w, strings.Join(parts, "  "))
	}
	for _, n := range rep.Notes {
		fmt.Fprintln(w, "note:", n)
	}
	return nil
}

// countWriter counts bytes and discards them.
type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}
