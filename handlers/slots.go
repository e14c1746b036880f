package handlers

import (
	"context"
	"net/http"
	"strconv"

	"doingoai/app"
	"doingoai/models"
)

// slotRetryAfter is the Retry-After, in seconds, of work refused because
// every slot (or the client's share) is busy.
const slotRetryAfter = app.BusyRetryAfter

// inSlot runs work in one of slots and gives the slot back when it
// returns. With none free in time it sets Retry-After and returns
// EUNAVAILABLE (503) before work reads anything.
func inSlot(w http.ResponseWriter, r *http.Request, slots *app.Slots, work func() error) error {
	release, err := slots.Acquire(r.Context())
	if err != nil {
		if models.ErrorCode(err) == models.EUNAVAILABLE {
			w.Header().Set("Retry-After", slotRetryAfter)
		}
		return err
	}
	defer release()
	return work()
}

// ClientRate is app.ClientRate: the API's per-token rate and the
// imports' per-client rate.
type ClientRate = app.ClientRate

// NewClientRate is app.NewClientRate.
func NewClientRate(what string, perSecond float64, burst int) *ClientRate {
	return app.NewClientRate(what, perSecond, burst)
}

// allow is app.ClientRate.Allow for a request: refused, it sets
// Retry-After.
func allow(w http.ResponseWriter, cr *ClientRate, ctx context.Context) error {
	secs, err := cr.Allow(ctx)
	if err != nil {
		w.Header().Set("Retry-After", strconv.Itoa(secs))
	}
	return err
}
