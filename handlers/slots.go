package handlers

import (
	"context"
	"net/http"
	"strconv"

	"doingoai/app"
	"doingoai/models"
)

// busy sets Retry-After on work refused because every slot (or the
// client's share) is busy, and returns err.
func busy(w http.ResponseWriter, err error) error {
	if models.ErrorCode(err) == models.EUNAVAILABLE {
		w.Header().Set("Retry-After", app.BusyRetryAfter)
	}
	return err
}

// allow is app.ClientRate.Allow for a request: refused, it sets
// Retry-After.
func allow(w http.ResponseWriter, cr *app.ClientRate, ctx context.Context) error {
	secs, err := cr.Allow(ctx)
	if err != nil {
		w.Header().Set("Retry-After", strconv.Itoa(secs))
	}
	return err
}
