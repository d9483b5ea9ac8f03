package pod

// Rule names: one name per protocol step, shared with spec/README.md, the
// Tamarin theories (tamarin/pod_*.spthy) and the implementation.
const (
	RuleSetupDistributor     = "Setup_Distributor"
	RuleVendorPublish        = "Vendor_Publish"
	RuleSetupFleet           = "Setup_Fleet"
	RuleVendorSeed           = "Vendor_Seed"
	RuleDistributorFetch     = "Distributor_Fetch"
	RuleDistributorPrepare   = "Distributor_Prepare"
	RuleDeviceRequest        = "Device_Request"
	RuleDistributorChallenge = "Distributor_Challenge"
	RuleDeviceRespond        = "Device_Respond"
	RuleDistributorOffer     = "Distributor_Offer"
	RuleDeviceCheck          = "Device_Check"
	RuleHubCheck             = "Hub_Check"
	RuleDeviceCommit         = "Device_Commit"
	RuleDistributorClaim     = "Distributor_Claim"
	RuleContractClaim        = "Contract_Claim"
	RuleDeviceInstall        = "Device_Install"
	RuleHubInstall           = "Hub_Install"
	RuleContractExpire       = "Contract_Expire"
	RuleVendorWithdraw       = "Vendor_Withdraw"
	RuleRevealDeviceKey      = "Reveal_DeviceKey"
	RuleRevealDistributorKey = "Reveal_DistributorKey"
)

// Network adversary actions. They annotate the delivery of a message in a
// trace. In the Tamarin theories they are built in: the network is the
// adversary (In and Out facts), so no rule carries these names there.
const (
	// AdversaryInject marks a delivered message the adversary built itself.
	AdversaryInject = "Adversary_Inject"
	// AdversaryReplay marks a delivered message the adversary saw before
	// and redirected or delivered again.
	AdversaryReplay = "Adversary_Replay"
	// AdversaryDrop is never delivering a message: any message may stay
	// undelivered, so every state reachable with fewer deliveries is explored.
	AdversaryDrop = "Adversary_Drop"
)

// Lemma (property) names, shared with spec/README.md and the Tamarin theories.
const (
	LemmaExecutableHashlock         = "executable_hashlock"
	LemmaExecutablePointlock        = "executable_pointlock"
	LemmaSinglePaymentDevice        = "single_payment_device"
	LemmaPaymentImpliesDeviceSigned = "payment_implies_device_signed"
	LemmaPaymentToDeriverFrontrun   = "payment_to_deriver_frontrun"
	LemmaFairExchangeDevice         = "fair_exchange_device"
	LemmaKeySecrecyUntilReveal      = "key_secrecy_until_reveal"
	LemmaRefundAfterExpiryVendor    = "refund_after_expiry_vendor"
	LemmaPaidWithinDeposit          = "paid_within_deposit"
)

// Mutant names: each switches one contract check off.
const (
	MutantClaimedFlag       = "claimed_flag"
	MutantRDerivation       = "r_derivation"
	MutantLockCheck         = "lock_check"
	MutantSignatureCheck    = "signature_check"
	MutantMembershipBinding = "membership_binding"
	MutantExpiryClaim       = "expiry_claim"
	MutantExpiryWithdraw    = "expiry_withdraw"
)

// RuleNames returns the names of the protocol rules of mode m, in protocol
// order. They are exactly the rule names of tamarin/pod_<mode>.spthy.
func RuleNames(m Mode) []string {
	out := []string{RuleSetupDistributor, RuleVendorPublish, RuleSetupFleet, RuleVendorSeed, RuleDistributorFetch}
	if m == PointLock {
		out = append(out, RuleDistributorPrepare)
	}
	return append(out,
		RuleDeviceRequest, RuleDistributorChallenge, RuleDeviceRespond, RuleDistributorOffer,
		RuleDeviceCheck, RuleHubCheck, RuleDeviceCommit, RuleDistributorClaim, RuleContractClaim,
		RuleDeviceInstall, RuleHubInstall, RuleContractExpire, RuleVendorWithdraw,
		RuleRevealDeviceKey, RuleRevealDistributorKey)
}

// NetworkRules returns the names of the network adversary's actions, which
// the model shows in traces and Tamarin builds in.
func NetworkRules() []string { return []string{AdversaryInject, AdversaryDrop, AdversaryReplay} }

// ExecutableLemma returns the executability lemma of mode m.
func ExecutableLemma(m Mode) string {
	if m == PointLock {
		return LemmaExecutablePointlock
	}
	return LemmaExecutableHashlock
}

// LemmaNames returns the lemma names of mode m, executability first. They
// are exactly the lemma names of tamarin/pod_<mode>.spthy.
func LemmaNames(m Mode) []string {
	return []string{ExecutableLemma(m), LemmaSinglePaymentDevice, LemmaPaymentImpliesDeviceSigned,
		LemmaPaymentToDeriverFrontrun, LemmaFairExchangeDevice, LemmaKeySecrecyUntilReveal,
		LemmaRefundAfterExpiryVendor, LemmaPaidWithinDeposit}
}

// MutantNames returns the names of the mutants, one per contract check.
func MutantNames() []string {
	return []string{MutantClaimedFlag, MutantRDerivation, MutantLockCheck, MutantSignatureCheck,
		MutantMembershipBinding, MutantExpiryClaim, MutantExpiryWithdraw}
}
