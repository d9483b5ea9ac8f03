package chain

// GasRow is one measured gas figure of `podnet bench gas`: Name is the stable row name
// (e.g. "claim/pointlock/single"), Gas the gas used as a receipt reports it (or a
// per-device share of it, as the name says). Benchmarks of different contracts return
// rows of this type and the command concatenates them.
type GasRow struct {
	Name string `json:"name"`
	Gas  uint64 `json:"gas"`
}
