package api

import (
	"strings"

	"github.com/labstack/echo/v4"

	"doingoai/models"
)

// authenticate is the one authentication of the API: it reads
// "Authorization: Bearer TOKEN", asks the store who the token belongs to,
// and puts that principal in the request's context for the handlers. A
// missing, unknown, revoked or expired token is 401.
func (s *server) authenticate(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Request().Header.Get(echo.HeaderAuthorization)
		scheme, secret, ok := strings.Cut(h, " ")
		if h == "" {
			return models.Errorf(models.EUNAUTHORIZED, "send a token: Authorization: Bearer TOKEN")
		}
		if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(secret) == "" {
			return models.Errorf(models.EUNAUTHORIZED, "the Authorization header must be: Bearer TOKEN")
		}
		p, err := s.cfg.Store.Authenticate(c.Request().Context(), strings.TrimSpace(secret))
		if err != nil {
			return err
		}
		r := c.Request()
		c.SetRequest(r.WithContext(models.WithPrincipal(r.Context(), p)))
		return next(c)
	}
}
