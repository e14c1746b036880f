package handlers

import (
	"context"
	"net/http"
	"time"
)

// Health is the answer of /healthz and /readyz.
type Health struct {
	Status   string `json:"status" enums:"ok,unavailable" example:"ok" validate:"required"`
	Database string `json:"database,omitempty" example:"sqlite"`
	Error    string `json:"error,omitempty"`
}

// Healthz tells that the process is up.
//
//	@Summary	Liveness
//	@ID				healthz
//	@Tags		operations
//	@Produce	json
//	@Success	200	{object}	Health
//	@Router		/healthz [get]
func (h *Handler) Healthz(w http.ResponseWriter, r *http.Request) error {
	return writeJSON(w, http.StatusOK, Health{Status: "ok"})
}

// Readyz tells whether the database answers.
//
//	@Summary	Readiness
//	@ID				readyz
//	@Tags		operations
//	@Produce	json
//	@Success	200	{object}	Health
//	@Failure	503	{object}	Health
//	@Router		/readyz [get]
func (h *Handler) Readyz(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := h.Store.Ping(ctx); err != nil {
		h.Log.Warn("readiness check failed", "err", err)
		return writeJSON(w, http.StatusServiceUnavailable, Health{Status: "unavailable", Database: string(h.Store.Dialect()), Error: "the database does not answer"})
	}
	return writeJSON(w, http.StatusOK, Health{Status: "ok", Database: string(h.Store.Dialect())})
}
