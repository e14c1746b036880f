package handlers

import (
	"context"
	"runtime"
	"time"
)

// HoldExportSlots takes every export slot for a test, shortens the wait
// for one, and returns what gives them back.
func HoldExportSlots() (release func()) {
	n := int64(max(1, runtime.GOMAXPROCS(0)))
	if err := exportSlots.Acquire(context.Background(), n); err != nil {
		panic(err)
	}
	old := exportWait
	exportWait = 50 * time.Millisecond
	return func() {
		exportWait = old
		exportSlots.Release(n)
	}
}
