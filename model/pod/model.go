// Package pod is the formal model of the proof-of-distribution protocol
// (paper section 4.4, Algorithm 1, and the point-lock mode of
// ARCHITECTURE.md section 3) for the bounded model checker in model/check.
//
// Parties are state machines whose steps carry the names of spec/README.md
// and of the Tamarin theories (RuleNames). Terms are symbolic (term.go). The
// network is a Dolev-Yao adversary: every message sent goes into its
// Knowledge, and a message is delivered to an honest party only if the
// adversary can derive it, so reading, dropping (never delivering),
// replaying (delivering a known message again or to someone else) and
// injecting (delivering a built message) are all covered. The adversary is
// also a distributor and a transaction sender of its own (E, with key skE)
// and can reveal device and distributor keys (Reveal_DeviceKey,
// Reveal_DistributorKey), after which it acts with them.
//
// The contract's checks (Checks) can be switched off one by one to build the
// mutants (Mutants) that the properties (Properties) must catch.
package pod

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/podnet/podnet/model/check"
)

// Device phases.
const (
	devIdle uint8 = iota
	devRequested
	devResponded
	devChecked
	devCommitted
	devInstalled
)

// Distributor session phases, per (distributor, fleet index).
const (
	sessIdle uint8 = iota
	sessChallenged
	sessOffered
	sessPosted
)

// payment is one successful Contract_Claim.
type payment struct {
	idx   int
	payee int // distributor index; Model.adv for E
	r     *Term
	lock  *Term
}

// devState is a device's local state.
type devState struct {
	phase uint8
	dist  int   // the distributor it asked (Device_Request)
	offer *Term // the offer it checked and signed
}

// State is a global state of the model. States are values: Next never
// modifies the state it is given.
type State struct {
	setup           int // setup steps done (Setup_Distributor..., Vendor_Publish, Setup_Fleet...)
	seeded          bool
	expired         bool
	balance         int
	refunded        int
	paidAfterExpiry bool
	fetched         []bool // per distributor
	prepared        []bool // per distributor (point-lock mode)
	sess            []uint8
	dev             []devState
	revDev          []bool
	revDist         []bool
	reveals         int
	claimed         []bool // per fleet index
	pays            []payment
	know            Knowledge
}

func (s State) clone() State {
	n := s
	n.fetched = append([]bool(nil), s.fetched...)
	n.prepared = append([]bool(nil), s.prepared...)
	n.sess = append([]uint8(nil), s.sess...)
	n.dev = append([]devState(nil), s.dev...)
	n.revDev = append([]bool(nil), s.revDev...)
	n.revDist = append([]bool(nil), s.revDist...)
	n.claimed = append([]bool(nil), s.claimed...)
	n.pays = append([]payment(nil), s.pays...)
	return n
}

// Knowledge returns the adversary's knowledge in s.
func (s State) Knowledge() Knowledge { return s.know }

// Model is the protocol model for one Scope. It implements
// check.System[State].
type Model struct {
	sc  Scope
	adv int // party index of the adversary E (= sc.Distributors)

	skV, u, uid, bid, junk *Term
	skE, tE, nE, kE, pkE   *Term
	skD, pkD, kD           []*Term
	skDev, pkDev           []*Term
}

// New returns the model for scope sc.
func New(sc Scope) (*Model, error) {
	if err := sc.Validate(); err != nil {
		return nil, err
	}
	m := &Model{sc: sc, adv: sc.Distributors}
	m.skV, m.u, m.bid, m.junk = Atom("skV"), Atom("U"), Atom("bid"), Atom("junk")
	m.uid = Hash(m.u)
	m.skE, m.tE, m.nE, m.kE = Atom("skE"), Atom("tE"), Atom("nE"), Atom("kE")
	m.pkE = Pk(m.skE)
	for d := 0; d < sc.Distributors; d++ {
		m.skD = append(m.skD, Atom("skD"+strconv.Itoa(d)))
		m.pkD = append(m.pkD, Pk(m.skD[d]))
		m.kD = append(m.kD, Atom("k"+strconv.Itoa(d)))
	}
	for i := 0; i < sc.Devices; i++ {
		m.skDev = append(m.skDev, Atom("skDev"+strconv.Itoa(i)))
		m.pkDev = append(m.pkDev, Pk(m.skDev[i]))
	}
	return m, nil
}

// Scope returns the model's scope.
func (m *Model) Scope() Scope { return m.sc }

func (m *Model) setupSteps() int { return m.sc.Distributors + 1 + m.sc.Devices }

func (m *Model) tOf(d, i int) *Term { return Atom("t" + strconv.Itoa(d) + "_" + strconv.Itoa(i)) }
func (m *Model) nOf(d, i int) *Term { return Atom("n" + strconv.Itoa(d) + "_" + strconv.Itoa(i)) }

// rOf is r = H(pk_d, t) of distributor d's session with fleet index i.
func (m *Model) rOf(d, i int) *Term { return Hash(m.pkD[d], m.tOf(d, i)) }

// rE is the adversary's own r = H(pk_E, t_E).
func (m *Model) rE() *Term { return Hash(m.pkE, m.tE) }

func (m *Model) lockOf(r *Term) *Term {
	if m.sc.Mode == PointLock {
		return Pt(r)
	}
	return Hash(r)
}

func (m *Model) delivery(lock *Term) *Term { return Tuple("delivery", m.bid, m.uid, lock) }

func (m *Model) pkOf(party int) *Term {
	if party == m.adv {
		return m.pkE
	}
	return m.pkD[party]
}

func (m *Model) partyName(party int) string {
	if party == m.adv {
		return "E"
	}
	return "D" + strconv.Itoa(party)
}

// offerHash builds a hash-lock offer for key r.
func (m *Model) offerHash(r *Term) *Term {
	enc, lock := SEnc(r, m.u), Hash(r)
	return Tuple("offer", enc, lock, Proof(enc, lock))
}

// offerPoint builds a point-lock offer for distributor key k and device key r.
func (m *Model) offerPoint(k, r *Term) *Term {
	enc, bigK := SEnc(k, m.u), Pt(k)
	return Tuple("offer", enc, bigK, Proof0(enc, bigK), Pt(r), Add(k, r))
}

// offerLock returns the lock an offer asks the device to sign.
func (m *Model) offerLock(o *Term) *Term {
	if m.sc.Mode == PointLock {
		return o.args[3]
	}
	return o.args[1]
}

// validOffer is the device's (or hub's) check of an offer: manifest (the
// ciphertext decrypts to the update of U_id), proof and lock.
func (m *Model) validOffer(o *Term) bool {
	if o.op != OpTuple || o.name != "offer" {
		return false
	}
	if m.sc.Mode == HashLock {
		if len(o.args) != 3 {
			return false
		}
		enc, lock, proof := o.args[0], o.args[1], o.args[2]
		return enc.op == OpSEnc && enc.args[1].Equal(m.u) && lock.Equal(Hash(enc.args[0])) &&
			proof.Equal(Proof(enc, lock))
	}
	if len(o.args) != 5 {
		return false
	}
	enc, bigK, proof, bigS, c := o.args[0], o.args[1], o.args[2], o.args[3], o.args[4]
	if enc.op != OpSEnc || !enc.args[1].Equal(m.u) || !bigK.Equal(Pt(enc.args[0])) || !proof.Equal(Proof0(enc, bigK)) {
		return false
	}
	// c·G = K + S: symbolically c = k + r with k·G = K and r·G = S.
	return c.op == OpAdd && Pt(c.args[0]).Equal(bigK) && Pt(c.args[1]).Equal(bigS)
}

// recoverKey is Device_Install's key recovery from the revealed r: the key
// that decrypts the offer's ciphertext, or nil.
func (m *Model) recoverKey(o, r *Term) *Term {
	enc := o.args[0]
	var key *Term
	if m.sc.Mode == HashLock {
		key = r
	} else {
		c := o.args[4]
		if !c.args[1].Equal(r) { // c − r = k only for the r inside c
			return nil
		}
		key = c.args[0]
	}
	if enc.args[0].Equal(key) && enc.args[1].Equal(m.u) && Hash(enc.args[1]).Equal(m.uid) {
		return key
	}
	return nil
}

// Init returns the state before any setup step.
func (m *Model) Init() []State {
	nd, nv := m.sc.Distributors, m.sc.Devices
	s := State{
		fetched:  make([]bool, nd),
		prepared: make([]bool, nd),
		sess:     make([]uint8, nd*nv),
		dev:      make([]devState, nv),
		revDev:   make([]bool, nv),
		revDist:  make([]bool, nd),
		claimed:  make([]bool, nv),
	}
	for i := range s.dev {
		s.dev[i].dist = -1
	}
	init := []*Term{m.skE, m.tE, m.nE, m.junk}
	if m.sc.Mode == PointLock {
		init = append(init, m.kE)
	}
	s.know = Knowledge{}.With(init...)
	return []State{s}
}

// Key returns the canonical encoding of s.
func (m *Model) Key(s State) string {
	var b strings.Builder
	b.Grow(256 + 48*len(s.know.terms))
	fmt.Fprintf(&b, "%d|%t%t%t|%d|%d|%d|", s.setup, s.seeded, s.expired, s.paidAfterExpiry, s.balance, s.refunded, s.reveals)
	for _, bs := range [][]bool{s.fetched, s.prepared, s.revDev, s.revDist, s.claimed} {
		for _, x := range bs {
			if x {
				b.WriteByte('1')
			} else {
				b.WriteByte('0')
			}
		}
		b.WriteByte('|')
	}
	for _, x := range s.sess {
		b.WriteByte('0' + x)
	}
	b.WriteByte('|')
	for _, d := range s.dev {
		fmt.Fprintf(&b, "%d/%d/", d.phase, d.dist)
		if d.offer != nil {
			b.WriteString(d.offer.key)
		}
		b.WriteByte(';')
	}
	b.WriteByte('|')
	for _, p := range s.pays {
		fmt.Fprintf(&b, "%d/%d/%s/%s;", p.idx, p.payee, p.r.key, p.lock.key)
	}
	b.WriteByte('|')
	b.WriteString(s.know.Key())
	return b.String()
}

type tr = check.Transition[State]

func (m *Model) step(rule, label string, n State) tr {
	return tr{Rule: rule, Label: rule + label, Next: n}
}

// via annotates a delivery: how the adversary network delivered msg.
func via(known, expected bool) string {
	switch {
	case !known:
		return " [" + AdversaryInject + "]"
	case !expected:
		return " [" + AdversaryReplay + "]"
	default:
		return ""
	}
}

// deliverable reports whether the network can deliver msg: in a Dolev-Yao
// network anything the adversary can derive, in a passive one only what was
// sent.
func (m *Model) deliverable(s State, msg *Term) bool {
	if m.sc.Network == Passive {
		return s.know.Has(msg)
	}
	return s.know.Derivable(msg)
}

// Next returns the transitions enabled in s.
func (m *Model) Next(s State) []tr {
	nd, nv := m.sc.Distributors, m.sc.Devices
	if s.setup < m.setupSteps() {
		return []tr{m.setupStep(s)}
	}
	var out []tr
	pointlock := m.sc.Mode == PointLock

	if !s.seeded {
		n := s.clone()
		n.seeded = true
		n.know = s.know.With(Tuple("pkg", m.u, Sign(m.skV, Tuple("manifest", m.uid))))
		out = append(out, m.step(RuleVendorSeed, "(V)", n))
	}
	for d := 0; d < nd; d++ {
		if s.seeded && !s.fetched[d] {
			n := s.clone()
			n.fetched[d] = true
			out = append(out, m.step(RuleDistributorFetch, fmt.Sprintf("(D%d)", d), n))
		}
		if pointlock && s.fetched[d] && !s.prepared[d] {
			n := s.clone()
			n.prepared[d] = true
			out = append(out, m.step(RuleDistributorPrepare, fmt.Sprintf("(D%d)", d), n))
		}
	}
	for i := 0; i < nv; i++ {
		out = m.deviceSteps(s, i, out)
	}
	for d := 0; d < nd; d++ {
		ready := s.fetched[d] && (!pointlock || s.prepared[d])
		for i := 0; i < nv; i++ {
			out = m.distributorSteps(s, d, i, ready, out)
		}
	}
	out = m.claims(s, out)
	if !s.expired {
		n := s.clone()
		n.expired = true
		out = append(out, m.step(RuleContractExpire, "(bid)", n))
	}
	if s.balance > 0 && (s.expired || !m.sc.Checks.ExpiryWithdraw) {
		n := s.clone()
		n.refunded += n.balance
		n.balance = 0
		out = append(out, m.step(RuleVendorWithdraw, fmt.Sprintf("(V, %d)", s.balance), n))
	}
	if s.reveals < m.sc.MaxReveals {
		for i := 0; i < nv; i++ {
			if !s.revDev[i] {
				n := s.clone()
				n.revDev[i] = true
				n.reveals++
				n.know = s.know.With(m.skDev[i])
				out = append(out, m.step(RuleRevealDeviceKey, fmt.Sprintf("(dev%d)", i), n))
			}
		}
		for d := 0; d < nd; d++ {
			if !s.revDist[d] {
				n := s.clone()
				n.revDist[d] = true
				n.reveals++
				n.know = s.know.With(m.skD[d])
				out = append(out, m.step(RuleRevealDistributorKey, fmt.Sprintf("(D%d)", d), n))
			}
		}
	}
	return out
}

// setupStep performs the next setup step: distributor keys, the bid, then
// the fleet (enrolled in index order, fixed by the fleet root).
func (m *Model) setupStep(s State) tr {
	n := s.clone()
	n.setup++
	nd := m.sc.Distributors
	switch {
	case s.setup < nd:
		d := s.setup
		n.know = s.know.With(m.pkD[d])
		return m.step(RuleSetupDistributor, fmt.Sprintf("(D%d)", d), n)
	case s.setup == nd:
		n.balance = m.sc.Devices // deposit: one unit per fleet device
		n.know = s.know.With(m.bid, m.uid, Pk(m.skV))
		return m.step(RuleVendorPublish, fmt.Sprintf("(V, deposit %d)", m.sc.Devices), n)
	default:
		i := s.setup - nd - 1
		n.know = s.know.With(Tuple("leaf", Atom("i"+strconv.Itoa(i)), m.pkDev[i]))
		return m.step(RuleSetupFleet, fmt.Sprintf("(dev%d at index %d)", i, i), n)
	}
}

func (m *Model) deviceSteps(s State, i int, out []tr) []tr {
	dv := s.dev[i]
	hub := i == m.sc.HubDevice
	switch dv.phase {
	case devIdle:
		for d := 0; d < m.sc.Distributors; d++ {
			n := s.clone()
			n.dev[i] = devState{phase: devRequested, dist: d}
			out = append(out, m.step(RuleDeviceRequest, fmt.Sprintf("(dev%d -> D%d)", i, d), n))
		}
	case devRequested:
		// The challenge of the asked distributor's session with this index.
		// Any other challenge (another session's nonce, or the adversary's
		// own) would also be answered, but the response it yields is
		// accepted by no honest party: a response binds the nonce and the
		// distributor's address, and each session accepts only its own. The
		// model delivers only challenges whose response can be used
		// (relevance reduction; see model/README.md).
		nonce := m.nOf(dv.dist, i)
		if s.sess[dv.dist*m.sc.Devices+i] < sessChallenged || !m.deliverable(s, Tuple("chal", nonce, m.pkD[dv.dist])) {
			break
		}
		msg := Tuple("chalsig", m.bid, nonce, m.pkD[dv.dist])
		n := s.clone()
		n.dev[i].phase = devResponded
		n.know = s.know.With(Tuple("resp", m.pkDev[i], Sign(m.skDev[i], msg)))
		out = append(out, m.step(RuleDeviceRespond, fmt.Sprintf("(dev%d, nonce %s)", i, nonce), n))
	case devResponded:
		rule := RuleDeviceCheck
		if hub {
			rule = RuleHubCheck
		}
		for _, o := range m.offerCandidates(s) {
			if !m.validOffer(o) || !m.deliverable(s, o) {
				continue
			}
			n := s.clone()
			n.dev[i].phase = devChecked
			n.dev[i].offer = o
			expected := o.Equal(m.honestOffer(dv.dist, i))
			out = append(out, m.step(rule, fmt.Sprintf("(dev%d, lock %s)%s", i, m.offerLock(o), via(s.know.Has(o), expected)), n))
		}
	case devChecked:
		n := s.clone()
		n.dev[i].phase = devCommitted
		lock := m.offerLock(dv.offer)
		n.know = s.know.With(Sign(m.skDev[i], m.delivery(lock)))
		out = append(out, m.step(RuleDeviceCommit, fmt.Sprintf("(dev%d signs lock %s)", i, lock), n))
	case devCommitted:
		rule := RuleDeviceInstall
		if hub {
			rule = RuleHubInstall
		}
		for _, p := range s.pays {
			if p.idx != i || m.recoverKey(dv.offer, p.r) == nil {
				continue
			}
			n := s.clone()
			n.dev[i].phase = devInstalled
			out = append(out, m.step(rule, fmt.Sprintf("(dev%d, r %s)", i, p.r), n))
			break
		}
	}
	return out
}

// honestOffer is the offer distributor d sends in its session with index i.
func (m *Model) honestOffer(d, i int) *Term {
	if m.sc.Mode == PointLock {
		return m.offerPoint(m.kD[d], m.rOf(d, i))
	}
	return m.offerHash(m.rOf(d, i))
}

// offerCandidates are the offers the network may deliver: every offer sent
// (to anyone), and in a Dolev-Yao network also the adversary's own as
// distributor E and, in point-lock mode, offers recombining a distributor key
// k it has learnt with its own r.
func (m *Model) offerCandidates(s State) []*Term {
	var out []*Term
	for _, t := range s.know.terms {
		if t.op == OpTuple && t.name == "offer" {
			out = append(out, t)
		}
	}
	if m.sc.Network == Passive {
		return out
	}
	if m.sc.Mode == HashLock {
		return append(out, m.offerHash(m.rE()))
	}
	out = append(out, m.offerPoint(m.kE, m.rE()))
	for d := range m.kD {
		if s.know.Has(m.kD[d]) {
			out = append(out, m.offerPoint(m.kD[d], m.rE()))
		}
	}
	return out
}

func (m *Model) distributorSteps(s State, d, i int, ready bool, out []tr) []tr {
	k := d*m.sc.Devices + i
	switch s.sess[k] {
	case sessIdle:
		// The request (bid, index) is public, so the adversary could send it
		// for any index; but a session is only useful once device i asked
		// d: device i answers only challenges naming the distributor it
		// asked. The model challenges only on a device's request (relevance
		// reduction; see model/README.md).
		if !ready || s.dev[i].phase < devRequested || s.dev[i].dist != d {
			return out
		}
		n := s.clone()
		n.sess[k] = sessChallenged
		n.know = s.know.With(Tuple("chal", m.nOf(d, i), m.pkD[d]))
		out = append(out, m.step(RuleDistributorChallenge, fmt.Sprintf("(D%d, index %d)", d, i), n))
	case sessChallenged:
		// Membership (fleet[i] = pk) and the response signature over the
		// session's nonce and this distributor's address.
		resp := Tuple("resp", m.pkDev[i], Sign(m.skDev[i], Tuple("chalsig", m.bid, m.nOf(d, i), m.pkD[d])))
		if !m.deliverable(s, resp) {
			return out
		}
		n := s.clone()
		n.sess[k] = sessOffered
		n.know = s.know.With(m.honestOffer(d, i))
		out = append(out, m.step(RuleDistributorOffer, fmt.Sprintf("(D%d, index %d, r = %s)%s", d, i, m.rOf(d, i), via(s.know.Has(resp), true)), n))
	case sessOffered:
		r := m.rOf(d, i)
		lock := m.lockOf(r)
		sig := Sign(m.skDev[i], m.delivery(lock))
		if !m.deliverable(s, sig) {
			return out
		}
		n := s.clone()
		n.sess[k] = sessPosted
		n.know = s.know.With(Tuple("claim", m.pkD[d], Atom("i"+strconv.Itoa(i)), m.pkDev[i], m.tOf(d, i), lock, sig, r))
		out = append(out, m.step(RuleDistributorClaim, fmt.Sprintf("(D%d, index %d)%s", d, i, via(s.know.Has(sig), true)), n))
	}
	return out
}

// claimArgs are the arguments of a Contract_Claim transaction.
type claimArgs struct {
	caller int
	idx    int
	dev    *Term // device address as given by the caller
	t, r   *Term
	lock   *Term
	sig    *Term
}

// contractClaim applies the contract's checks; ok is false on revert.
func (m *Model) contractClaim(s State, a claimArgs) (State, bool) {
	ck := m.sc.Checks
	if ck.ExpiryClaim && s.expired {
		return s, false
	}
	if ck.Claimed && s.claimed[a.idx] {
		return s, false
	}
	if ck.Membership && !a.dev.Equal(m.pkDev[a.idx]) {
		return s, false
	}
	if ck.RDerivation && !a.r.Equal(Hash(m.pkOf(a.caller), a.t)) {
		return s, false
	}
	if ck.Lock && !a.lock.Equal(m.lockOf(a.r)) {
		return s, false
	}
	if ck.Signature {
		want := m.delivery(a.lock)
		if a.sig.op != OpSign || !a.sig.args[1].Equal(want) || !Pk(a.sig.args[0]).Equal(a.dev) {
			return s, false
		}
	}
	if ck.Solvency && s.balance < 1 {
		return s, false
	}
	n := s.clone()
	n.claimed[a.idx] = true
	n.balance--
	if s.expired {
		n.paidAfterExpiry = true
	}
	n.pays = append(n.pays, payment{idx: a.idx, payee: a.caller, r: a.r, lock: a.lock})
	sort.Slice(n.pays, func(x, y int) bool {
		p, q := n.pays[x], n.pays[y]
		if p.idx != q.idx {
			return p.idx < q.idx
		}
		if p.payee != q.payee {
			return p.payee < q.payee
		}
		if p.r.key != q.r.key {
			return p.r.key < q.r.key
		}
		return p.lock.key < q.lock.key
	})
	// KeyRevealed(device, r) is public.
	n.know = s.know.With(Tuple("revealed", Atom("i"+strconv.Itoa(a.idx)), a.r))
	return n, true
}

// claims returns the Contract_Claim transitions: the transactions honest
// distributors posted (which may be mined again: a distributor is not
// trusted by the vendor), and every transaction the adversary can build as
// E or as a distributor whose key it revealed.
func (m *Model) claims(s State, out []tr) []tr {
	nv := m.sc.Devices
	seen := map[string]bool{}
	emit := func(a claimArgs, label string) {
		n, ok := m.contractClaim(s, a)
		if !ok {
			return
		}
		k := fmt.Sprintf("%d/%d/%s/%s", a.caller, a.idx, a.r.key, a.lock.key)
		if seen[k] {
			return
		}
		seen[k] = true
		as := ""
		if !a.dev.Equal(m.pkDev[a.idx]) {
			as = ", as device " + a.dev.String()
		}
		out = append(out, m.step(RuleContractClaim, fmt.Sprintf("(%s claims index %d%s, r %s, lock %s)%s",
			m.partyName(a.caller), a.idx, as, a.r, a.lock, label), n))
	}
	for d := 0; d < m.sc.Distributors; d++ {
		for i := 0; i < nv; i++ {
			if s.sess[d*nv+i] != sessPosted {
				continue
			}
			r := m.rOf(d, i)
			lock := m.lockOf(r)
			label := ""
			if s.claimed[i] {
				label = " [" + AdversaryReplay + "]"
			}
			emit(claimArgs{caller: d, idx: i, dev: m.pkDev[i], t: m.tOf(d, i), r: r, lock: lock,
				sig: Sign(m.skDev[i], m.delivery(lock))}, label)
		}
	}
	if m.sc.Network == Passive {
		return out
	}
	callers := []int{m.adv}
	for d := 0; d < m.sc.Distributors; d++ {
		if s.revDist[d] {
			callers = append(callers, d)
		}
	}
	ck := m.sc.Checks
	var ts, knownR, knownLocks []*Term
	for _, t := range s.know.terms {
		switch {
		case t.op == OpAtom && t.name[0] == 't':
			ts = append(ts, t)
		case t.op == OpHash && len(t.args) == 2:
			knownR = append(knownR, t)
		case t.op == OpTuple && t.name == "delivery":
			knownLocks = append(knownLocks, t.args[2])
		}
	}
	devs := []*Term{m.pkE}
	devs = append(devs, m.pkDev...)
	for _, c := range callers {
		pkC := m.pkOf(c)
		for idx := 0; idx < nv; idx++ {
			if (ck.Claimed && s.claimed[idx]) || (ck.ExpiryClaim && s.expired) {
				continue
			}
			cands := devs
			if ck.Membership {
				cands = []*Term{m.pkDev[idx]}
			}
			for _, dev := range cands {
				for _, t := range ts {
					rs := []*Term{Hash(pkC, t)}
					if !ck.RDerivation {
						rs = append(rs, knownR...)
					}
					for _, r := range rs {
						locks := []*Term{m.lockOf(r)}
						if !ck.Lock {
							locks = append(locks, knownLocks...)
						}
						for _, lock := range locks {
							sig := m.junk
							if ck.Signature {
								sig = m.signatureFor(s, dev, lock)
								if sig == nil {
									continue
								}
							}
							emit(claimArgs{caller: c, idx: idx, dev: dev, t: t, r: r, lock: lock, sig: sig},
								" ["+AdversaryInject+"]")
						}
					}
				}
			}
		}
	}
	return out
}

// signatureFor returns a delivery signature over lock by the key of address
// dev that the adversary can produce, or nil.
func (m *Model) signatureFor(s State, dev, lock *Term) *Term {
	sks := append([]*Term{m.skE}, m.skDev...)
	for _, sk := range sks {
		if Pk(sk).Equal(dev) {
			sig := Sign(sk, m.delivery(lock))
			if s.know.Derivable(sig) {
				return sig
			}
			return nil
		}
	}
	return nil
}

var _ check.System[State] = (*Model)(nil)
