package wire

// Mutant decoders for the mutation tests (test builds only): each disables one
// canonical-form check of the conforming decoder.
var (
	DecodeLaxShortest         = func(b []byte) (Message, error) { return decodeWith(b, decodeConfig{laxShortest: true}) }
	CheckCanonicalLaxShortest = func(b []byte) error { return checkCanonical(b, decodeConfig{laxShortest: true}) }
	DecodeLaxKeyOrder         = func(b []byte) (Message, error) { return decodeWith(b, decodeConfig{laxKeyOrder: true}) }
	CheckCanonicalLaxKeyOrder = func(b []byte) error { return checkCanonical(b, decodeConfig{laxKeyOrder: true}) }
)
