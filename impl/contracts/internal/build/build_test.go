package build

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// fixture makes a contracts root with the given package.json, sources and (when link is
// true) the real node_modules.
func fixture(t *testing.T, pkgJSON string, sources map[string]string, link bool) string {
	t.Helper()
	root := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(root, "package.json"), []byte(pkgJSON), 0o644))
	for name, src := range sources {
		p := filepath.Join(root, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(src), 0o644))
	}
	if link {
		nm, err := filepath.Abs("../../node_modules")
		require.NoError(t, err)
		require.NoError(t, os.Symlink(nm, filepath.Join(root, "node_modules")))
	}
	return root
}

func realPackageJSON(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../package.json")
	require.NoError(t, err)
	return string(b)
}

const okSource = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;
contract A { uint256 public x; function set(uint256 v) external { x = v; } }
`

func TestGenerateErrors(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Second)
	defer cancel()
	pkg := realPackageJSON(t)
	tests := []struct {
		name    string
		pkgJSON string
		sources map[string]string
		link    bool
		want    error
	}{
		{"no node_modules", pkg, map[string]string{"src/A.sol": okSource}, false, ErrToolchain},
		{"compile error", pkg, map[string]string{"src/A.sol": "pragma solidity 0.8.37; contract A { function f( }"}, true, ErrCompile},
		{"warning is an error", pkg, map[string]string{"src/A.sol": "pragma solidity 0.8.37; contract A { function f(uint256 a) external pure {} }"}, true, ErrCompile},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := fixture(t, tc.pkgJSON, tc.sources, tc.link)
			_, err := Generate(ctx, root)
			require.ErrorIs(t, err, tc.want)
		})
	}

	t.Run("unpinned solc", func(t *testing.T) {
		root := fixture(t, `{"dependencies":{"solc":"^0.8.0"}}`, map[string]string{"src/A.sol": okSource}, false)
		_, err := Generate(ctx, root)
		require.ErrorContains(t, err, "exact version")
	})
	t.Run("pinned version differs from node_modules", func(t *testing.T) {
		root := fixture(t, `{"dependencies":{"solc":"0.8.1"}}`, map[string]string{"src/A.sol": okSource}, true)
		_, err := Generate(ctx, root)
		require.ErrorIs(t, err, ErrToolchain)
	})
	t.Run("no sources", func(t *testing.T) {
		root := fixture(t, pkg, map[string]string{"src/README": "x"}, true)
		_, err := Generate(ctx, root)
		require.ErrorContains(t, err, "no .sol files")
	})
}

// TestGenerateWriteRoundTrip: every contract of every file under src/ (nested folders
// too) gets artifacts and bindings; Write removes artifacts of deleted contracts.
func TestGenerateWriteRoundTrip(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Second)
	defer cancel()
	root := fixture(t, realPackageJSON(t), map[string]string{
		"src/A.sol":         okSource,
		"src/deep/er/B.sol": "// SPDX-License-Identifier: MIT\npragma solidity 0.8.37;\nimport {A} from \"../../A.sol\";\ncontract B is A {}\n",
	}, true)
	files, err := Generate(ctx, root)
	require.NoError(t, err)
	for _, p := range []string{"artifacts/A.abi", "artifacts/A.bin", "artifacts/B.abi", "artifacts/B.bin", SettingsPath, BindingsPath} {
		require.Contains(t, files, p)
	}
	require.Contains(t, string(files[BindingsPath]), "func NewB() *B")
	require.NoError(t, Write(root, files))
	again, err := Existing(root)
	require.NoError(t, err)
	require.Equal(t, files, again)

	// Delete B: its artifacts disappear on the next write.
	require.NoError(t, os.RemoveAll(filepath.Join(root, "src", "deep")))
	files, err = Generate(ctx, root)
	require.NoError(t, err)
	require.NoError(t, Write(root, files))
	_, err = os.Stat(filepath.Join(root, "artifacts", "B.abi"))
	require.ErrorIs(t, err, os.ErrNotExist)
}
