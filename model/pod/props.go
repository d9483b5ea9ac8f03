package pod

import (
	"fmt"

	"github.com/podnet/podnet/model/check"
)

// Properties returns the properties of the model, named as the Tamarin
// lemmas (LemmaNames), executability first.
//
// Encodings (see also model/README.md):
//   - executable_<mode>: some reachable state has a device updated whose
//     slot was paid to an honest distributor, with no key revealed.
//   - single_payment_device: every fleet index is paid at most once.
//   - payment_implies_device_signed: every payment for index i carries a
//     lock that the fleet's device i signed (Device_Commit), unless device
//     i's key was revealed.
//   - payment_to_deriver_frontrun: a payment whose r an honest distributor
//     derived (Distributor_Offer) goes to that distributor.
//   - fair_exchange_device: from every reachable state in which the slot of
//     an unrevealed device was paid, every such device can reach "installed"
//     by its own steps only (Device_Install or Hub_Install): the key is
//     recoverable from what it holds and the public KeyRevealed event.
//   - key_secrecy_until_reveal: the adversary can derive an honest
//     distributor's decryption key (r in hash-lock mode, k in point-lock
//     mode) only once that distributor has posted a claim revealing r (the
//     mempool is public: posting is revealing).
//   - refund_after_expiry_vendor: the vendor is refunded only after expiry,
//     and nothing is paid to a distributor after expiry (the remainder is the
//     vendor's).
//   - paid_within_deposit: payments plus refund never exceed the deposit.
func (m *Model) Properties() []check.Property[State] {
	nd, nv := m.sc.Distributors, m.sc.Devices
	return []check.Property[State]{
		{
			Name: ExecutableLemma(m.sc.Mode), Kind: check.Sometimes,
			Doc: "an honest run completes: a device is updated and its distributor paid",
			Holds: func(s State) bool {
				if s.reveals > 0 {
					return false
				}
				for _, p := range s.pays {
					if p.payee != m.adv && s.dev[p.idx].phase == devInstalled {
						return true
					}
				}
				return false
			},
		},
		{
			Name: LemmaSinglePaymentDevice, Kind: check.Always,
			Doc: "at most one payment per (bid, device)",
			Holds: func(s State) bool {
				for i := 1; i < len(s.pays); i++ {
					if s.pays[i].idx == s.pays[i-1].idx {
						return false
					}
				}
				return true
			},
		},
		{
			Name: LemmaPaymentImpliesDeviceSigned, Kind: check.Always,
			Doc: "a payment for a device implies that the device signed that lock (unless its key was revealed)",
			Holds: func(s State) bool {
				for _, p := range s.pays {
					d := s.dev[p.idx]
					if s.revDev[p.idx] {
						continue
					}
					if d.phase < devCommitted || !m.offerLock(d.offer).Equal(p.lock) {
						return false
					}
				}
				return true
			},
		},
		{
			Name: LemmaPaymentToDeriverFrontrun, Kind: check.Always,
			Doc: "the paid distributor is the one that derived r (no front-running)",
			Holds: func(s State) bool {
				for _, p := range s.pays {
					for d := 0; d < nd; d++ {
						for i := 0; i < nv; i++ {
							if s.sess[d*nv+i] >= sessOffered && p.r.Equal(m.rOf(d, i)) && p.payee != d {
								return false
							}
						}
					}
				}
				return true
			},
		},
		{
			Name: LemmaFairExchangeDevice, Kind: check.AlwaysRecoverable,
			Doc: "a device whose distributor was paid can obtain the update",
			When: func(s State) bool {
				for _, p := range s.pays {
					if !s.revDev[p.idx] && s.dev[p.idx].phase != devInstalled {
						return true
					}
				}
				return false
			},
			Holds: func(s State) bool {
				for _, p := range s.pays {
					if !s.revDev[p.idx] && s.dev[p.idx].phase != devInstalled {
						return false
					}
				}
				return true
			},
			Via: func(t check.Transition[State]) bool {
				return t.Rule == RuleDeviceInstall || t.Rule == RuleHubInstall
			},
		},
		{
			Name: LemmaKeySecrecyUntilReveal, Kind: check.Always,
			Doc: "the decryption key stays secret until the contract reveals it",
			Holds: func(s State) bool {
				for d := 0; d < nd; d++ {
					posted := false
					for i := 0; i < nv; i++ {
						if s.sess[d*nv+i] == sessPosted {
							posted = true
						}
					}
					if m.sc.Mode == PointLock {
						if s.prepared[d] && !posted && s.know.Derivable(m.kD[d]) {
							return false
						}
						continue
					}
					for i := 0; i < nv; i++ {
						st := s.sess[d*nv+i]
						if st == sessOffered && s.know.Derivable(m.rOf(d, i)) {
							return false
						}
					}
				}
				return true
			},
		},
		{
			Name: LemmaRefundAfterExpiryVendor, Kind: check.Always,
			Doc: "the vendor is refunded only after expiry (and nothing is paid after expiry)",
			Holds: func(s State) bool {
				return (s.refunded == 0 || s.expired) && !s.paidAfterExpiry
			},
		},
		{
			Name: LemmaPaidWithinDeposit, Kind: check.Always,
			Doc: "nothing is paid beyond the deposit",
			Holds: func(s State) bool {
				return len(s.pays)+s.refunded <= nv
			},
		},
	}
}

// Mutants returns the mutants of sc: one per contract check, each the model
// with that check switched off.
func Mutants(sc Scope) ([]check.Mutant[State], error) {
	type mut struct {
		name, doc string
		off       func(*Checks)
	}
	muts := []mut{
		{MutantClaimedFlag, "Contract_Claim does not reject a second claim for the same index", func(c *Checks) { c.Claimed = false }},
		{MutantRDerivation, "Contract_Claim does not check r = H(pk_caller, t)", func(c *Checks) { c.RDerivation = false }},
		{MutantLockCheck, "Contract_Claim does not check lock = H(r) / r·G", func(c *Checks) { c.Lock = false }},
		{MutantSignatureCheck, "Contract_Claim does not verify the device's delivery signature", func(c *Checks) { c.Signature = false }},
		{MutantMembershipBinding, "Contract_Claim verifies the signature against a caller-supplied address, not the fleet's device at the index", func(c *Checks) { c.Membership = false }},
		{MutantExpiryClaim, "Contract_Claim accepts claims after expiry", func(c *Checks) { c.ExpiryClaim = false }},
		{MutantExpiryWithdraw, "Vendor_Withdraw is accepted before expiry", func(c *Checks) { c.ExpiryWithdraw = false }},
	}
	var out []check.Mutant[State]
	for _, mu := range muts {
		msc := sc
		mu.off(&msc.Checks)
		mm, err := New(msc)
		if err != nil {
			return nil, fmt.Errorf("pod: mutant %s: %w", mu.name, err)
		}
		out = append(out, check.Mutant[State]{Name: mu.name, Doc: mu.doc, System: mm})
	}
	return out, nil
}

// Spec returns the checker specification for scope sc: the model, its
// properties and its mutants, named "pod_<mode>".
func Spec(sc Scope) (check.Spec[State], error) {
	m, err := New(sc)
	if err != nil {
		return check.Spec[State]{}, err
	}
	muts, err := Mutants(sc)
	if err != nil {
		return check.Spec[State]{}, err
	}
	return check.Spec[State]{Name: "pod_" + sc.Mode.String(), System: m, Properties: m.Properties(), Mutants: muts}, nil
}
