package channel

import (
	"errors"
	"fmt"
	"strings"

	"github.com/podnet/podnet/model/check"
)

// Kind is the channel construction of a model instance.
type Kind uint8

// The three constructions of seed 003.
const (
	// Client: the client deposits for itself (Client_Open).
	Client Kind = 1
	// Delegated: an owner deposits on behalf of one client key (Owner_OpenDelegated).
	Delegated Kind = 2
	// Tree: an owner deposits for a Merkle root of client keys (Owner_OpenTree).
	Tree Kind = 3
)

// String returns "client", "delegated" or "tree".
func (k Kind) String() string {
	switch k {
	case Client:
		return "client"
	case Delegated:
		return "delegated"
	case Tree:
		return "tree"
	default:
		return fmt.Sprintf("kind(%d)", uint8(k))
	}
}

func (k Kind) openRule() string {
	switch k {
	case Client:
		return RuleClientOpen
	case Delegated:
		return RuleOwnerOpenDelegated
	default:
		return RuleOwnerOpenTree
	}
}

// Checks lists the checks of the parties and the contract; each can be switched off
// to build a mutant.
type Checks struct {
	// ServerChannelBinding: Server_Grant accepts only receipts of the channel presented.
	ServerChannelBinding bool
	// ServerNextSlot: Server_Grant accepts only latest + one slot.
	ServerNextSlot bool
	// ServerDeposit: Server_Grant accepts only receipts within the deposit.
	ServerDeposit bool
	// ServerMargin: Server_Grant stops at the close margin before expiry, after the
	// server's own close, and when the channel is no longer open on chain.
	ServerMargin bool
	// ContractDeposit: Server_Close rejects a cumulative amount above what is owed.
	ContractDeposit bool
	// ContractChannelBinding: the receipt digest binds the channel id.
	ContractChannelBinding bool
	// ContractSigner: the receipt is signed by the channel's client key (1, 2) or a
	// member of the owner's tree (3).
	ContractSigner bool
	// ContractCloseOnce: Server_Close rejects a closed channel.
	ContractCloseOnce bool
	// ContractPaysReceipt: Server_Close pays the receipt's amount (not the deposit).
	ContractPaysReceipt bool
	// ContractRefundExpiry: Owner_Refund needs a close or the expiry.
	ContractRefundExpiry bool
	// DeviceCounter: Device_Actuate accepts only counters ≥ its own and moves past the
	// accepted one.
	DeviceCounter bool
	// ClientOneSlot: Client_Pay signs again only once its previous slot was served.
	ClientOneSlot bool
}

// AllChecks returns Checks with every check on.
func AllChecks() Checks {
	return Checks{ServerChannelBinding: true, ServerNextSlot: true, ServerDeposit: true, ServerMargin: true,
		ContractDeposit: true, ContractChannelBinding: true, ContractSigner: true, ContractCloseOnce: true,
		ContractPaysReceipt: true, ContractRefundExpiry: true, DeviceCounter: true, ClientOneSlot: true}
}

// Channels is the number of channels in every model instance: two, opened by the same
// owner for the same client key(s), so that a receipt of one verifies against the
// other's signer unless it is bound to its channel.
const Channels = 2

// Scope bounds a model instance.
type Scope struct {
	// Kind is the construction of both channels.
	Kind Kind
	// Deposit is each channel's deposit, in slots.
	Deposit int
	// Window is the device's look-ahead window.
	Window int
	// MaxPasswords bounds the passwords the server issues (mutants may grant without
	// bound).
	MaxPasswords int
	// Checks are the checks in force.
	Checks Checks
}

// DefaultScope returns the default scope of construction k: two channels of two slots
// each, a window of two, at most five passwords, all checks on. Construction 3 has two
// client keys in the tree (both pay on channel 0, client 0 on channel 1); 1 and 2 have
// one.
func DefaultScope(k Kind) Scope {
	return Scope{Kind: k, Deposit: 2, Window: 2, MaxPasswords: 5, Checks: AllChecks()}
}

// ErrScope is returned for a scope outside the supported bounds.
var ErrScope = errors.New("channel model: invalid scope")

// Validate reports whether s is within the supported bounds.
func (s Scope) Validate() error {
	switch {
	case s.Kind != Client && s.Kind != Delegated && s.Kind != Tree:
		return fmt.Errorf("%w: unknown kind %d", ErrScope, s.Kind)
	case s.Deposit < 1 || s.Deposit > 3:
		return fmt.Errorf("%w: deposit %d not in [1,3]", ErrScope, s.Deposit)
	case s.Window < 1 || s.Window > 3:
		return fmt.Errorf("%w: window %d not in [1,3]", ErrScope, s.Window)
	case s.MaxPasswords < 1 || s.MaxPasswords > maxPw:
		return fmt.Errorf("%w: max passwords %d not in [1,%d]", ErrScope, s.MaxPasswords, maxPw)
	}
	return nil
}

// clients returns the number of client keys: 2 in the tree, 1 otherwise.
func (s Scope) clients() int {
	if s.Kind == Tree {
		return 2
	}
	return 1
}

const (
	maxPw      = 8
	maxClients = 2
	// Adversary is the signer index of the Adversary's own key.
	Adversary = maxClients
	maxCloses = 2 // a mutant may close again; bound the search
)

// Receipt is a symbolic receipt: Receipt(channel, cumulative slots) signed by Signer
// (a client index, or Adversary for the Adversary's own key).
type Receipt struct {
	Ch, Amount, Signer int
}

// State is one state of the model. It is a value: transitions copy it.
type State struct {
	// Setup.
	DeviceSetup bool
	// Contract.
	Opened  [Channels]bool
	Owed    [Channels]int // what the owner is owed (slots)
	Closed  [Channels]bool
	Settled [Channels]bool // refunded: the slot deleted
	Expired bool
	// Parties.
	Signed      [Channels][maxClients]int // slots each client signed, per channel
	Served      [Channels][maxClients]int // actuations of passwords granted for its receipts
	Outstanding [Channels][maxClients]bool
	OwnLast     [Channels][maxClients]int
	Known       uint32        // client-signed receipts seen on the network (bit per receipt)
	Latest      [Channels]int // the server's latest receipt per channel: amount,
	LatestCh    [Channels]int // the channel it names,
	LatestBy    [Channels]int // and its signer
	Grants      [Channels]int
	SrvClosed   [Channels]bool
	Issued      int         // passwords the server issued (its HOTP counter)
	PwClient    [maxPw]int8 // who paid for password i
	PwChan      [maxPw]int8 // on which channel
	DevCounter  int         // the device's next counter
	Actuations  int         // slots the device unlocked
	// Ghost variables, for the properties.
	Paid           [Channels]int
	Refunded       [Channels]int
	Closes         [Channels]int
	EarlyRefund    bool // a refund neither after a close nor after expiry
	ForeignReceipt bool // a grant or a payment on a receipt of another channel
	BadPaid        bool // a close paid other than a client receipt's amount, or the honest server's close other than its latest
	Dishonest      bool // the server closed dishonestly (with a receipt of its choice)
}

// Model is the channel model of one scope. It implements check.System.
type Model struct {
	sc Scope
	n  int // client keys
}

// New returns the model of scope sc.
func New(sc Scope) (*Model, error) {
	if err := sc.Validate(); err != nil {
		return nil, err
	}
	return &Model{sc: sc, n: sc.clients()}, nil
}

func (m *Model) bit(r Receipt) uint32 {
	return 1 << uint((r.Ch*(m.sc.Deposit+1)+(r.Amount-1))*maxClients+r.Signer)
}

// Init implements check.System: nothing is open.
func (m *Model) Init() []State { return []State{{}} }

// Key implements check.System: every field, one byte each (all are small), in a
// fixed order.
func (m *Model) Key(s State) string {
	b := make([]byte, 0, 96)
	flag := func(v bool) byte {
		if v {
			return 1
		}
		return 0
	}
	for c := 0; c < Channels; c++ {
		b = append(b, flag(s.Opened[c]), byte(s.Owed[c]), flag(s.Closed[c]), flag(s.Settled[c]),
			byte(s.Latest[c]), byte(s.LatestCh[c]), byte(s.LatestBy[c]), byte(s.Grants[c]), flag(s.SrvClosed[c]),
			byte(s.Paid[c]), byte(s.Refunded[c]), byte(s.Closes[c]))
		for i := 0; i < maxClients; i++ {
			b = append(b, byte(s.OwnLast[c][i]))
		}
	}
	for c := 0; c < Channels; c++ {
		for i := 0; i < maxClients; i++ {
			b = append(b, byte(s.Signed[c][i]), byte(s.Served[c][i]), flag(s.Outstanding[c][i]))
		}
	}
	for p := range s.PwClient {
		b = append(b, byte(s.PwClient[p]), byte(s.PwChan[p]))
	}
	b = append(b, flag(s.DeviceSetup), flag(s.Expired), byte(s.Known), byte(s.Known>>8), byte(s.Known>>16), byte(s.Known>>24),
		byte(s.Issued), byte(s.DevCounter), byte(s.Actuations),
		flag(s.EarlyRefund), flag(s.ForeignReceipt), flag(s.BadPaid), flag(s.Dishonest))
	return string(b)
}

// Next implements check.System.
func (m *Model) Next(s State) []check.Transition[State] {
	var out []check.Transition[State]
	add := func(rule, label string, n State) {
		out = append(out, check.Transition[State]{Rule: rule, Label: label, Next: n})
	}

	// Setup_Device: the device and the server share a fresh HOTP key.
	if n, ok := m.setup(s); ok {
		add(RuleSetupDevice, RuleSetupDevice, n)
	}

	// Opening: the construction's own rule, once per channel.
	for c := 0; c < Channels; c++ {
		if n, ok := m.open(s, c); ok {
			add(m.sc.Kind.openRule(), fmt.Sprintf("%s(c%d)", m.sc.Kind.openRule(), c), n)
		}
	}

	// Client_Pay: the next cumulative receipt on top of the server's head.
	for c := 0; c < Channels; c++ {
		for i := 0; i < m.n; i++ {
			if n, ok := m.pay(s, c, i); ok {
				add(RuleClientPay, fmt.Sprintf("Client_Pay(client%d, c%d, %d)", i, c, n.OwnLast[c][i]), n)
			}
		}
	}

	// Server_Grant: any receipt on the network (replayed anywhere) or signed by the
	// adversary, presented for any channel.
	for _, r := range m.receipts(s, true) {
		for c := 0; c < Channels; c++ {
			if n, ok := m.grant(s, c, r); ok {
				add(RuleServerGrant, fmt.Sprintf("Server_Grant(c%d, %s)%s", c, r, m.tag(r, c)), n)
			}
		}
	}

	// Device_Actuate: any issued password (the client–device link is open to the
	// adversary, who may deliver passwords in any order and again).
	for p := 0; p < s.Issued; p++ {
		if n, ok := m.actuate(s, p); ok {
			add(RuleDeviceActuate, fmt.Sprintf("Device_Actuate(pw%d)", p), n)
		}
	}

	// Server_Close: the honest server with its latest receipt, or a dishonest server
	// with any receipt it knows or signed itself.
	for c := 0; c < Channels; c++ {
		if n, ok := m.closeHonest(s, c); ok {
			add(RuleServerClose, fmt.Sprintf("Server_Close(c%d, latest %d) [%s]", c, s.Latest[c], labelHonestServer), n)
		}
		for _, r := range m.receipts(s, true) {
			if n, ok := m.closeDishonest(s, c, r); ok {
				add(RuleServerClose, fmt.Sprintf("Server_Close(c%d, %s) [%s]%s", c, r, labelDishonestServer, m.tag(r, c)), n)
			}
		}
	}

	// Channel_Expire: the clock passes the expiry.
	if n, ok := m.expire(s); ok {
		add(RuleChannelExpire, "Channel_Expire", n)
	}

	// Owner_Refund.
	for c := 0; c < Channels; c++ {
		if n, ok := m.refund(s, c); ok {
			add(RuleOwnerRefund, fmt.Sprintf("Owner_Refund(c%d)", c), n)
		}
	}
	return out
}

// Action is one step applied to the model by Apply: the model-based tests of
// impl/channel apply the same step to the real parties and compare.
type Action struct {
	// Rule is the step's name (RuleSetupDevice, RuleClientOpen, ...).
	Rule string
	// Ch is the channel acted on.
	Ch int
	// Client is the paying client (Client_Pay).
	Client int
	// Receipt is the receipt presented (Server_Grant; Server_Close when Dishonest).
	Receipt Receipt
	// Password is the counter of the password presented (Device_Actuate).
	Password int
	// Dishonest closes with Receipt instead of the server's latest (Server_Close).
	Dishonest bool
}

// Apply applies one step to s and reports whether it is enabled (false: the step is
// rejected, s is returned unchanged). It follows exactly the transitions of Next.
func (m *Model) Apply(s State, a Action) (State, bool) {
	if a.Ch < 0 || a.Ch >= Channels {
		return s, false
	}
	switch a.Rule {
	case RuleSetupDevice:
		return m.setup(s)
	case RuleClientOpen, RuleOwnerOpenDelegated, RuleOwnerOpenTree:
		if a.Rule != m.sc.Kind.openRule() {
			return s, false
		}
		return m.open(s, a.Ch)
	case RuleClientPay:
		if a.Client < 0 || a.Client >= m.n {
			return s, false
		}
		return m.pay(s, a.Ch, a.Client)
	case RuleServerGrant:
		if !m.valid(s, a.Receipt) {
			return s, false
		}
		return m.grant(s, a.Ch, a.Receipt)
	case RuleDeviceActuate:
		if a.Password < 0 || a.Password >= s.Issued {
			return s, false
		}
		return m.actuate(s, a.Password)
	case RuleServerClose:
		if a.Dishonest {
			if !m.valid(s, a.Receipt) {
				return s, false
			}
			return m.closeDishonest(s, a.Ch, a.Receipt)
		}
		return m.closeHonest(s, a.Ch)
	case RuleChannelExpire:
		return m.expire(s)
	case RuleOwnerRefund:
		return m.refund(s, a.Ch)
	}
	return s, false
}

// valid reports whether r is a receipt the network knows or the adversary can sign.
func (m *Model) valid(s State, r Receipt) bool {
	if r.Ch < 0 || r.Ch >= Channels || r.Amount < 1 || r.Amount > m.sc.Deposit+1 {
		return false
	}
	if r.Signer == Adversary {
		return true
	}
	return r.Signer >= 0 && r.Signer < m.n && s.Known&m.bit(r) != 0
}

func (m *Model) setup(s State) (State, bool) {
	if s.DeviceSetup {
		return s, false
	}
	s.DeviceSetup = true
	return s, true
}

func (m *Model) open(s State, c int) (State, bool) {
	if s.Opened[c] {
		return s, false
	}
	s.Opened[c], s.Owed[c] = true, m.sc.Deposit
	return s, true
}

// payers is how many of the client keys pay on channel c: all on channel 0; on
// channel 1, whose receipts are there to be replayed on channel 0, client 0 only (in
// construction 3 both channels are for the same tree; two payers on both would square
// the state space without a new behaviour).
func (m *Model) payers(c int) int {
	if c == 0 {
		return m.n
	}
	return 1
}

// pay is Client_Pay of client i on channel c.
func (m *Model) pay(s State, c, i int) (State, bool) {
	if i >= m.payers(c) || !s.Opened[c] || (m.sc.Checks.ClientOneSlot && s.Outstanding[c][i]) {
		return s, false
	}
	next := max(s.OwnLast[c][i], s.Latest[c]) + 1
	if next > m.sc.Deposit+1 {
		return s, false
	}
	s.OwnLast[c][i] = next
	s.Known |= m.bit(Receipt{c, next, i})
	s.Signed[c][i]++
	s.Outstanding[c][i] = true
	return s, true
}

// closeHonest is the honest server's Server_Close of c with its latest receipt. The
// server stops granting even when the contract rejects the close.
func (m *Model) closeHonest(s State, c int) (State, bool) {
	if s.SrvClosed[c] || s.Latest[c] == 0 {
		return s, false
	}
	n := s
	n.SrvClosed[c] = true
	if m2, ok := m.close(n, c, Receipt{s.LatestCh[c], s.Latest[c], s.LatestBy[c]}, true); ok {
		n = m2
	}
	return n, true
}

// closeDishonest is a dishonest server's Server_Close of c with r.
func (m *Model) closeDishonest(s State, c int, r Receipt) (State, bool) {
	n, ok := m.close(s, c, r, false)
	if !ok {
		return s, false
	}
	n.Dishonest = true
	return n, true
}

// expire is Channel_Expire. Timeliness assumption: a server that granted on a channel
// closes it within the close margin, before the expiry.
func (m *Model) expire(s State) (State, bool) {
	if s.Expired {
		return s, false
	}
	for c := 0; c < Channels; c++ {
		if s.Grants[c] > 0 && !s.SrvClosed[c] {
			return s, false
		}
	}
	s.Expired = true
	return s, true
}

// refund is Owner_Refund of c.
func (m *Model) refund(s State, c int) (State, bool) {
	if !s.Opened[c] || s.Settled[c] {
		return s, false
	}
	allowed := s.Closed[c] || s.Expired
	if m.sc.Checks.ContractRefundExpiry && !allowed {
		return s, false
	}
	if !allowed {
		s.EarlyRefund = true
	}
	if s.Owed[c] > 0 {
		s.Refunded[c] += s.Owed[c]
	}
	s.Owed[c], s.Settled[c] = 0, true
	return s, true
}

// receipts lists the client receipts on the network and, when withAdversary, the
// receipts the Adversary can sign with its own key.
func (m *Model) receipts(s State, withAdversary bool) []Receipt {
	var out []Receipt
	for c := 0; c < Channels; c++ {
		for a := 1; a <= m.sc.Deposit+1; a++ {
			for i := 0; i < m.n; i++ {
				if s.Known&m.bit(Receipt{c, a, i}) != 0 {
					out = append(out, Receipt{c, a, i})
				}
			}
			if withAdversary {
				out = append(out, Receipt{c, a, Adversary})
			}
		}
	}
	return out
}

func (m *Model) tag(r Receipt, c int) string {
	var tags []string
	if r.Signer == Adversary {
		tags = append(tags, AdversaryInject+": "+labelAdversarySignature)
	}
	if r.Ch != c {
		tags = append(tags, AdversaryReplay)
	}
	if len(tags) == 0 {
		return ""
	}
	return " [" + strings.Join(tags, ", ") + "]"
}

// grant is Server_Grant of r presented for channel c.
func (m *Model) grant(s State, c int, r Receipt) (State, bool) {
	ck := m.sc.Checks
	if !s.DeviceSetup || !s.Opened[c] || s.Issued >= m.sc.MaxPasswords {
		return s, false
	}
	if r.Signer == Adversary { // the signature check (never switched off)
		return s, false
	}
	if ck.ServerChannelBinding && r.Ch != c {
		return s, false
	}
	if ck.ServerNextSlot && r.Amount != s.Latest[c]+1 {
		return s, false
	}
	if !ck.ServerNextSlot && r.Amount > s.Latest[c]+1 {
		return s, false // even the mutant does not skip ahead (that would only cost the client)
	}
	if ck.ServerDeposit && r.Amount > m.sc.Deposit {
		return s, false
	}
	if ck.ServerMargin && (s.SrvClosed[c] || s.Expired || s.Closed[c] || s.Settled[c]) {
		return s, false
	}
	n := s
	if r.Ch != c {
		n.ForeignReceipt = true
	}
	n.Latest[c], n.LatestCh[c], n.LatestBy[c] = r.Amount, r.Ch, r.Signer
	n.Grants[c]++
	n.PwClient[n.Issued], n.PwChan[n.Issued] = int8(r.Signer), int8(c)
	n.Issued++
	return n, true
}

// actuate is Device_Actuate of password p.
func (m *Model) actuate(s State, p int) (State, bool) {
	ck := m.sc.Checks
	if p >= s.DevCounter+m.sc.Window {
		return s, false
	}
	if ck.DeviceCounter && p < s.DevCounter {
		return s, false
	}
	if s.Actuations >= maxPw+1 {
		return s, false
	}
	n := s
	if ck.DeviceCounter {
		n.DevCounter = p + 1
	}
	n.Actuations++
	c, i := int(s.PwChan[p]), int(s.PwClient[p])
	n.Served[c][i]++
	n.Outstanding[c][i] = false
	return n, true
}

// close is the contract's Server_Close of channel c with r. honest marks the server's
// own close with its latest receipt.
func (m *Model) close(s State, c int, r Receipt, honest bool) (State, bool) {
	ck := m.sc.Checks
	if !s.Opened[c] || s.Settled[c] || s.Closes[c] >= maxCloses {
		return s, false
	}
	if ck.ContractCloseOnce && s.Closed[c] {
		return s, false
	}
	if ck.ContractChannelBinding && r.Ch != c {
		return s, false
	}
	if ck.ContractSigner && r.Signer == Adversary {
		return s, false
	}
	if ck.ContractDeposit && r.Amount > s.Owed[c] {
		return s, false
	}
	n := s
	pay := r.Amount
	if !ck.ContractPaysReceipt {
		pay = s.Owed[c]
	}
	n.Paid[c] += pay
	n.Owed[c] -= pay
	n.Closed[c] = true
	n.Closes[c]++
	if r.Ch != c {
		n.ForeignReceipt = true
	}
	if r.Signer == Adversary || pay != r.Amount || (honest && pay != s.Latest[c]) {
		n.BadPaid = true
	}
	return n, true
}

// recoverable is what the server holds or can still collect on c (slots).
func (m *Model) recoverable(s State, c int) int {
	switch {
	case s.Closed[c]:
		return s.Paid[c]
	case s.Settled[c]:
		return 0
	case s.Latest[c] <= s.Owed[c]:
		return s.Latest[c]
	default:
		return 0
	}
}

// Properties returns the model's properties, executability first.
func (m *Model) Properties() []check.Property[State] {
	D := m.sc.Deposit
	return []check.Property[State]{
		{
			Name: LemmaExecutable, Kind: check.Sometimes,
			Doc: "an honest run completes: a slot is paid and actuated, the channel closed and the rest refunded",
			Holds: func(s State) bool {
				return s.Actuations >= 1 && s.Closed[0] && s.Settled[0] && s.Paid[0] >= 1 && s.Refunded[0] >= 1 && !s.Dishonest
			},
		},
		{
			Name: LemmaPaidWithinDeposit, Kind: check.Always,
			Doc: "what a channel pays the server and refunds the owner never exceeds its deposit",
			Holds: func(s State) bool {
				for c := 0; c < Channels; c++ {
					if s.Paid[c]+s.Refunded[c] > D || s.Owed[c] < 0 {
						return false
					}
				}
				return true
			},
		},
		{
			Name: LemmaPaidEqualsHighest, Kind: check.Always,
			Doc:   "a close pays exactly the cumulative amount of a client receipt of the channel; the server's own close pays its highest receipt",
			Holds: func(s State) bool { return !s.BadPaid },
		},
		{
			Name: LemmaCloseOnce, Kind: check.Always,
			Doc: "a channel closes at most once",
			Holds: func(s State) bool {
				for c := 0; c < Channels; c++ {
					if s.Closes[c] > 1 {
						return false
					}
				}
				return true
			},
		},
		{
			Name: LemmaRefundAfterExpiry, Kind: check.Always,
			Doc:   "the owner is refunded only after a close or after the expiry",
			Holds: func(s State) bool { return !s.EarlyRefund },
		},
		{
			Name: LemmaNoReceiptReplay, Kind: check.Always,
			Doc:   "no receipt is granted on or paid from a channel other than its own",
			Holds: func(s State) bool { return !s.ForeignReceipt },
		},
		{
			Name: LemmaActuationPaidServer, Kind: check.Always,
			Doc: "an honest server can collect every slot it granted (unless it closed dishonestly)",
			Holds: func(s State) bool {
				if s.Dishonest {
					return true
				}
				for c := 0; c < Channels; c++ {
					if s.Grants[c] > m.recoverable(s, c) {
						return false
					}
				}
				return true
			},
		},
		{
			Name: LemmaActuationPaidDevice, Kind: check.Always,
			Doc:   "every actuation of the device consumed a distinct password granted against a receipt",
			Holds: func(s State) bool { return s.Actuations <= s.Issued },
		},
		{
			Name: LemmaBoundedLossSlot, Kind: check.Always,
			Doc: "each client has at most one slot paid and not served",
			Holds: func(s State) bool {
				for c := 0; c < Channels; c++ {
					for i := 0; i < maxClients; i++ {
						if s.Signed[c][i]-s.Served[c][i] > 1 {
							return false
						}
					}
				}
				return true
			},
		},
	}
}

// Mutants returns the mutants of sc: one per check, each the model with that check
// switched off.
func Mutants(sc Scope) ([]check.Mutant[State], error) {
	type mut struct {
		name, doc string
		off       func(*Checks)
	}
	muts := []mut{
		{MutantServerChannelBinding, "Server_Grant accepts a receipt of another channel", func(c *Checks) { c.ServerChannelBinding = false }},
		{MutantServerNextSlot, "Server_Grant accepts an old receipt again (not exactly latest + one slot)", func(c *Checks) { c.ServerNextSlot = false }},
		{MutantServerDeposit, "Server_Grant accepts a receipt above the deposit", func(c *Checks) { c.ServerDeposit = false }},
		{MutantServerMargin, "Server_Grant keeps granting after its close and past the close margin", func(c *Checks) { c.ServerMargin = false }},
		{MutantContractDeposit, "Server_Close pays a receipt above what the channel owes", func(c *Checks) { c.ContractDeposit = false }},
		{MutantContractChannelBinding, "the receipt digest does not bind the channel id", func(c *Checks) { c.ContractChannelBinding = false }},
		{MutantContractSigner, "Server_Close does not check the receipt's signer (key or tree membership)", func(c *Checks) { c.ContractSigner = false }},
		{MutantContractCloseOnce, "Server_Close accepts a closed channel", func(c *Checks) { c.ContractCloseOnce = false }},
		{MutantContractPaysReceipt, "Server_Close pays the whole deposit instead of the receipt's amount", func(c *Checks) { c.ContractPaysReceipt = false }},
		{MutantContractRefundExpiry, "Owner_Refund needs neither a close nor the expiry", func(c *Checks) { c.ContractRefundExpiry = false }},
		{MutantDeviceCounter, "Device_Actuate does not move its counter past an accepted password", func(c *Checks) { c.DeviceCounter = false }},
		{MutantClientOneSlot, "Client_Pay signs the next slot before the previous one was served", func(c *Checks) { c.ClientOneSlot = false }},
	}
	out := make([]check.Mutant[State], 0, len(muts))
	for _, mu := range muts {
		msc := sc
		mu.off(&msc.Checks)
		mm, err := New(msc)
		if err != nil {
			return nil, fmt.Errorf("channel model: mutant %s: %w", mu.name, err)
		}
		out = append(out, check.Mutant[State]{Name: mu.name, Doc: mu.doc, System: mm})
	}
	return out, nil
}

// Spec returns the checker specification of scope sc, named "channel_<kind>".
func Spec(sc Scope) (check.Spec[State], error) {
	m, err := New(sc)
	if err != nil {
		return check.Spec[State]{}, err
	}
	muts, err := Mutants(sc)
	if err != nil {
		return check.Spec[State]{}, err
	}
	return check.Spec[State]{Name: "channel_" + sc.Kind.String(), System: m, Properties: m.Properties(), Mutants: muts}, nil
}

// Specs returns the specifications of the three constructions in their default scopes
// (what `podnet check` runs).
func Specs() ([]check.Suite, error) {
	var out []check.Suite
	for _, k := range []Kind{Client, Delegated, Tree} {
		sp, err := Spec(DefaultScope(k))
		if err != nil {
			return nil, err
		}
		out = append(out, sp)
	}
	return out, nil
}

// String prints a receipt as (channel, amount, signer).
func (r Receipt) String() string {
	who := fmt.Sprintf("client%d", r.Signer)
	if r.Signer == Adversary {
		who = "Adversary"
	}
	return fmt.Sprintf("receipt(c%d, %d, %s)", r.Ch, r.Amount, who)
}
