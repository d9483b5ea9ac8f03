// Package build compiles the podnet Solidity sources with the pinned solc-js (run through
// node) and generates the Go bindings with go-ethereum's abigen v2 generator. It is used by
// `go generate ./impl/contracts/...` (which writes the files) and by the regeneration
// test (which checks that the committed files are byte-identical to a fresh build).
package build

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi/abigen"
)

// Compiler settings: every contract is compiled with exactly these. Changing one changes
// the bytecode and the gas figures in spec/contracts.md.
const (
	// EVMVersion is the solc target: Osaka, the fork the embedded chain runs.
	EVMVersion = "osaka"
	// OptimizerRuns is the solc optimizer's runs parameter (optimize for many calls).
	OptimizerRuns = 1_000_000
	// SourceDir is the folder (relative to the contracts root) holding every .sol file.
	SourceDir = "src"
	// ArtifactDir receives <Contract>.abi and <Contract>.bin for every contract.
	ArtifactDir = "artifacts"
	// BindingsPath is the generated Go file holding the bindings of every contract.
	BindingsPath = "bindings/bindings.go"
	// BindingsPackage is the Go package name of the bindings.
	BindingsPackage = "bindings"
	// SettingsPath records the compiler version and settings beside the artifacts.
	SettingsPath = ArtifactDir + "/solc-settings.json"
)

// ErrToolchain is returned (wrapped) when node or the pinned solc package is missing or
// not the pinned version.
var ErrToolchain = errors.New("build: solc toolchain unavailable (run `make npm`)")

// ErrCompile is returned (wrapped) when solc reports an error or a warning.
var ErrCompile = errors.New("build: solc reported problems")

// compileScript reads a standard-JSON input on stdin and writes the solc version and the
// standard-JSON output on stdout, using the solc package of ./node_modules.
const compileScript = `
const path = require('path');
const fs = require('fs');
const solc = require(path.join(process.cwd(), 'node_modules', 'solc'));
const input = fs.readFileSync(0, 'utf8');
process.stdout.write(JSON.stringify({version: solc.version(), output: JSON.parse(solc.compile(input))}));
`

// PinnedSolc returns the solc version pinned in root/package.json.
func PinnedSolc(root string) (string, error) {
	b, err := os.ReadFile(filepath.Join(root, "package.json"))
	if err != nil {
		return "", fmt.Errorf("build: read package.json: %w", err)
	}
	var pkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		return "", fmt.Errorf("build: parse package.json: %w", err)
	}
	v := pkg.Dependencies["solc"]
	if v == "" || strings.ContainsAny(v, "^~<>=* ") {
		return "", fmt.Errorf("build: package.json must pin solc to an exact version, has %q", v)
	}
	return v, nil
}

// Sources returns the source unit names (slash-separated, relative to root) of every
// .sol file under root/src, sorted.
func Sources(root string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(filepath.Join(root, SourceDir), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".sol") {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("build: list sources: %w", err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("build: no .sol files under %s", filepath.Join(root, SourceDir))
	}
	sort.Strings(out)
	return out, nil
}

// Contract is one compiled contract.
type Contract struct {
	Name   string          // contract name (unique across sources)
	Source string          // source unit name, e.g. "src/PodBid.sol"
	ABI    json.RawMessage // ABI JSON as solc produced it
	Bin    string          // creation bytecode, hex without 0x (empty for interfaces)
}

type stdInput struct {
	Language string                       `json:"language"`
	Sources  map[string]map[string]string `json:"sources"`
	Settings struct {
		EVMVersion string `json:"evmVersion"`
		Optimizer  struct {
			Enabled bool `json:"enabled"`
			Runs    int  `json:"runs"`
		} `json:"optimizer"`
		Metadata struct {
			BytecodeHash string `json:"bytecodeHash"`
			AppendCBOR   bool   `json:"appendCBOR"`
		} `json:"metadata"`
		OutputSelection map[string]map[string][]string `json:"outputSelection"`
	} `json:"settings"`
}

type stdOutput struct {
	Errors []struct {
		Severity         string `json:"severity"`
		FormattedMessage string `json:"formattedMessage"`
	} `json:"errors"`
	Contracts map[string]map[string]struct {
		ABI json.RawMessage `json:"abi"`
		EVM struct {
			Bytecode struct {
				Object string `json:"object"`
			} `json:"bytecode"`
		} `json:"evm"`
	} `json:"contracts"`
}

// Compile compiles every source under root/src with the pinned solc-js through node.
// It returns the contracts sorted by name and the full solc version string.
func Compile(ctx context.Context, root string) ([]Contract, string, error) {
	pinned, err := PinnedSolc(root)
	if err != nil {
		return nil, "", err
	}
	if _, err := exec.LookPath("node"); err != nil {
		return nil, "", fmt.Errorf("%w: node not found: %v", ErrToolchain, err)
	}
	if _, err := os.Stat(filepath.Join(root, "node_modules", "solc", "package.json")); err != nil {
		return nil, "", fmt.Errorf("%w: %v", ErrToolchain, err)
	}
	srcs, err := Sources(root)
	if err != nil {
		return nil, "", err
	}
	var in stdInput
	in.Language = "Solidity"
	in.Sources = map[string]map[string]string{}
	for _, s := range srcs {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(s)))
		if err != nil {
			return nil, "", fmt.Errorf("build: read %s: %w", s, err)
		}
		in.Sources[s] = map[string]string{"content": string(b)}
	}
	in.Settings.EVMVersion = EVMVersion
	in.Settings.Optimizer.Enabled = true
	in.Settings.Optimizer.Runs = OptimizerRuns
	in.Settings.Metadata.BytecodeHash = "none"
	in.Settings.Metadata.AppendCBOR = false
	in.Settings.OutputSelection = map[string]map[string][]string{"*": {"*": {"abi", "evm.bytecode.object"}}}
	input, err := json.Marshal(in)
	if err != nil {
		return nil, "", fmt.Errorf("build: encode solc input: %w", err)
	}

	cmd := exec.CommandContext(ctx, "node", "-e", compileScript)
	cmd.Dir = root
	cmd.Stdin = bytes.NewReader(input)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, "", fmt.Errorf("%w: node: %v: %s", ErrToolchain, err, strings.TrimSpace(stderr.String()))
	}
	var res struct {
		Version string    `json:"version"`
		Output  stdOutput `json:"output"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		return nil, "", fmt.Errorf("build: decode solc output: %w", err)
	}
	if !strings.HasPrefix(res.Version, pinned+"+") {
		return nil, "", fmt.Errorf("%w: node_modules has solc %s, package.json pins %s", ErrToolchain, res.Version, pinned)
	}
	var problems []string
	for _, e := range res.Output.Errors {
		if e.Severity == "info" {
			continue
		}
		problems = append(problems, e.FormattedMessage)
	}
	if len(problems) > 0 {
		return nil, "", fmt.Errorf("%w:\n%s", ErrCompile, strings.Join(problems, "\n"))
	}
	var out []Contract
	seen := map[string]string{}
	for src, cs := range res.Output.Contracts {
		for name, c := range cs {
			if prev, dup := seen[name]; dup {
				return nil, "", fmt.Errorf("build: contract name %s defined in both %s and %s", name, prev, src)
			}
			seen[name] = src
			out = append(out, Contract{Name: name, Source: src, ABI: c.ABI, Bin: c.EVM.Bytecode.Object})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, res.Version, nil
}

// Generate compiles the sources and returns every generated file (artifacts, settings
// record and bindings) by slash-separated path relative to root.
func Generate(ctx context.Context, root string) (map[string][]byte, error) {
	cs, version, err := Compile(ctx, root)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	var types, abis, bins []string
	for _, c := range cs {
		var pretty bytes.Buffer
		if err := json.Indent(&pretty, c.ABI, "", "  "); err != nil {
			return nil, fmt.Errorf("build: ABI of %s: %w", c.Name, err)
		}
		pretty.WriteByte('\n')
		files[path.Join(ArtifactDir, c.Name+".abi")] = pretty.Bytes()
		files[path.Join(ArtifactDir, c.Name+".bin")] = []byte(c.Bin + "\n")
		types = append(types, c.Name)
		abis = append(abis, string(c.ABI))
		bins = append(bins, c.Bin)
	}
	settings := map[string]any{
		"solc":       version,
		"evmVersion": EVMVersion,
		"optimizer":  map[string]any{"enabled": true, "runs": OptimizerRuns},
		"metadata":   map[string]any{"bytecodeHash": "none", "appendCBOR": false},
		"sources":    sourceNames(cs),
	}
	sb, err := json.MarshalIndent(settings, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("build: encode settings: %w", err)
	}
	files[SettingsPath] = append(sb, '\n')

	code, err := abigen.BindV2(types, abis, bins, BindingsPackage, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("build: abigen: %w", err)
	}
	if !strings.Contains(code, "Code generated") || !strings.Contains(code, "DO NOT EDIT") {
		return nil, errors.New("build: abigen output lacks the generated-code marker")
	}
	files[BindingsPath] = []byte(code)
	return files, nil
}

func sourceNames(cs []Contract) []string {
	set := map[string]bool{}
	for _, c := range cs {
		set[c.Source] = true
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// Existing returns the generated files currently under root (artifacts and bindings),
// by slash-separated path relative to root.
func Existing(root string) (map[string][]byte, error) {
	files := map[string][]byte{}
	dir := filepath.Join(root, ArtifactDir)
	ents, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("build: read %s: %w", dir, err)
	}
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("build: read artifact: %w", err)
		}
		files[path.Join(ArtifactDir, e.Name())] = b
	}
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(BindingsPath)))
	if err == nil {
		files[BindingsPath] = b
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("build: read bindings: %w", err)
	}
	return files, nil
}

// Write replaces the generated files under root with files: stale artifacts (of contracts
// that no longer exist) are removed.
func Write(root string, files map[string][]byte) error {
	old, err := Existing(root)
	if err != nil {
		return err
	}
	for p := range old {
		if _, keep := files[p]; !keep {
			if err := os.Remove(filepath.Join(root, filepath.FromSlash(p))); err != nil {
				return fmt.Errorf("build: remove stale %s: %w", p, err)
			}
		}
	}
	names := make([]string, 0, len(files))
	for p := range files {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return fmt.Errorf("build: mkdir for %s: %w", p, err)
		}
		if err := os.WriteFile(full, files[p], 0o644); err != nil {
			return fmt.Errorf("build: write %s: %w", p, err)
		}
	}
	return nil
}
