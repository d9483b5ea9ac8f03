// Package channel is the bounded model of podnet's payment channels with one-time
// passwords (seed 003, spec/channel.md): the three constructions (client deposit,
// payment delegation, many-to-one tree), cumulative receipts, the access server's
// grants, the device's HOTP counter with its look-ahead window, the contract's close
// and refund, and a network adversary that sees every receipt and password and may
// replay them anywhere, inject receipts signed with its own key and act as a dishonest
// server when closing. It is pure Go with symbolic values (no cryptography) and is
// explored by package model/check. tamarin/channel.spthy mirrors it rule by rule.
package channel

// Rule names: one name per protocol step, shared with spec/README.md, spec/channel.md,
// tamarin/channel.spthy and impl/channel.
const (
	RuleSetupDevice         = "Setup_Device"
	RuleClientOpen          = "Client_Open"
	RuleOwnerOpenDelegated  = "Owner_OpenDelegated"
	RuleOwnerOpenTree       = "Owner_OpenTree"
	RuleClientPay           = "Client_Pay"
	RuleServerGrant         = "Server_Grant"
	RuleDeviceActuate       = "Device_Actuate"
	RuleServerClose         = "Server_Close"
	RuleChannelExpire       = "Channel_Expire"
	RuleOwnerRefund         = "Owner_Refund"
	AdversaryInject         = "Adversary_Inject"
	AdversaryReplay         = "Adversary_Replay"
	labelDishonestServer    = "dishonest server"
	labelHonestServer       = "honest server"
	labelAdversarySignature = "adversary's key"
)

// Lemma (property) names, shared with spec/channel.md and tamarin/channel.spthy.
const (
	LemmaExecutable          = "executable_channel"
	LemmaPaidWithinDeposit   = "paid_within_deposit_channel"
	LemmaPaidEqualsHighest   = "paid_equals_highest_receipt"
	LemmaCloseOnce           = "close_once_channel"
	LemmaRefundAfterExpiry   = "refund_after_expiry_or_close"
	LemmaNoReceiptReplay     = "no_receipt_replay_channel"
	LemmaActuationPaidServer = "actuation_paid_server"
	LemmaActuationPaidDevice = "actuation_paid_device"
	LemmaBoundedLossSlot     = "bounded_loss_slot"
)

// Mutant names: each switches one check off.
const (
	MutantServerChannelBinding   = "server_channel_binding"
	MutantServerNextSlot         = "server_next_slot"
	MutantServerDeposit          = "server_deposit"
	MutantServerMargin           = "server_margin"
	MutantContractDeposit        = "contract_deposit"
	MutantContractChannelBinding = "contract_channel_binding"
	MutantContractSigner         = "contract_signer"
	MutantContractCloseOnce      = "contract_close_once"
	MutantContractPaysReceipt    = "contract_pays_receipt"
	MutantContractRefundExpiry   = "contract_refund_expiry"
	MutantDeviceCounter          = "device_counter"
	MutantClientOneSlot          = "client_one_slot"
)

// RuleNames returns the protocol rule names of the model, in protocol order. They are
// exactly the rule names of tamarin/channel.spthy.
func RuleNames() []string {
	return []string{RuleSetupDevice, RuleClientOpen, RuleOwnerOpenDelegated, RuleOwnerOpenTree, RuleClientPay,
		RuleServerGrant, RuleDeviceActuate, RuleServerClose, RuleChannelExpire, RuleOwnerRefund}
}

// LemmaNames returns the property names, executability first. They are exactly the
// lemma names of tamarin/channel.spthy.
func LemmaNames() []string {
	return []string{LemmaExecutable, LemmaPaidWithinDeposit, LemmaPaidEqualsHighest, LemmaCloseOnce,
		LemmaRefundAfterExpiry, LemmaNoReceiptReplay, LemmaActuationPaidServer, LemmaActuationPaidDevice,
		LemmaBoundedLossSlot}
}

// MutantNames returns the mutant names in the order Mutants builds them.
func MutantNames() []string {
	return []string{MutantServerChannelBinding, MutantServerNextSlot, MutantServerDeposit, MutantServerMargin,
		MutantContractDeposit, MutantContractChannelBinding, MutantContractSigner, MutantContractCloseOnce,
		MutantContractPaysReceipt, MutantContractRefundExpiry, MutantDeviceCounter, MutantClientOneSlot}
}
