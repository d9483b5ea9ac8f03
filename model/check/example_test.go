package check_test

import (
	"context"
	"fmt"
	"strconv"

	"github.com/podnet/podnet/model/check"
)

// mutex is a toy system: two processes that each go idle → waiting →
// critical → idle, guarded by a lock unless the lock is switched off.
type mutex struct{ noLock bool }

// mstate is pc[0], pc[1] (0 idle, 1 waiting, 2 critical) and the lock holder
// (-1: free).
type mstate struct {
	pc     [2]int
	holder int
}

func (m mutex) Init() []mstate { return []mstate{{holder: -1}} }

func (m mutex) Key(s mstate) string {
	return strconv.Itoa(s.pc[0]) + strconv.Itoa(s.pc[1]) + strconv.Itoa(s.holder)
}

func (m mutex) Next(s mstate) []check.Transition[mstate] {
	var out []check.Transition[mstate]
	for p := 0; p < 2; p++ {
		n := s
		switch s.pc[p] {
		case 0:
			n.pc[p] = 1
			out = append(out, check.Transition[mstate]{Rule: "Wait", Label: fmt.Sprintf("Wait(p%d)", p), Next: n})
		case 1:
			if m.noLock || s.holder == -1 {
				n.pc[p], n.holder = 2, p
				out = append(out, check.Transition[mstate]{Rule: "Enter", Label: fmt.Sprintf("Enter(p%d)", p), Next: n})
			}
		case 2:
			n.pc[p], n.holder = 0, -1
			out = append(out, check.Transition[mstate]{Rule: "Leave", Label: fmt.Sprintf("Leave(p%d)", p), Next: n})
		}
	}
	return out
}

func mutexProps() []check.Property[mstate] {
	return []check.Property[mstate]{
		{Name: "enter_possible", Kind: check.Sometimes, Holds: func(s mstate) bool { return s.pc[0] == 2 }},
		{Name: "mutual_exclusion", Kind: check.Always, Holds: func(s mstate) bool { return s.pc[0] != 2 || s.pc[1] != 2 }},
	}
}

// Example checks the toy mutex, then catches the mutant without the lock and
// prints its counterexample.
func Example() {
	spec := check.Spec[mstate]{
		Name:       "mutex",
		System:     mutex{},
		Properties: mutexProps(),
		Mutants:    []check.Mutant[mstate]{{Name: "no_lock", System: mutex{noLock: true}}},
	}
	rep, err := spec.Check(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("states:", rep.Result.States, "depth:", rep.Result.Depth, "ok:", rep.OK())
	for _, p := range rep.Result.Properties {
		fmt.Println(p.Name, p.Holds)
	}
	for _, m := range rep.Mutants {
		fmt.Println(m.Name, "caught by", m.By)
		fmt.Print(m.Trace)
	}
	// Output:
	// states: 8 depth: 3 ok: true
	// enter_possible true
	// mutual_exclusion true
	// no_lock caught by mutual_exclusion
	//   1. Wait(p0)
	//   2. Enter(p0)
	//   3. Wait(p1)
	//   4. Enter(p1)
}
