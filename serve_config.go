package main

import (
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"

	"doingoai/api"
)

// hardeningConfig reads AUTH_FAILURES (failed authentications a client
// address may make per minute; default 20, 0 turns the limit off) and
// TRUSTED_PROXIES (addresses or CIDR ranges of reverse proxies whose
// X-Forwarded-For names the client; none by default).
func hardeningConfig(cfg *api.Config) error {
	n, err := strconv.Atoi(env("AUTH_FAILURES", "20"))
	if err != nil || n < 0 {
		return fmt.Errorf("AUTH_FAILURES must be a whole number of failed authentications per minute per client address (0 turns the limit off)")
	}
	cfg.AuthFailures = n
	for _, p := range strings.Split(os.Getenv("TRUSTED_PROXIES"), ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if !strings.Contains(p, "/") {
			if ip := net.ParseIP(p); ip != nil && ip.To4() != nil {
				p += "/32"
			} else {
				p += "/128"
			}
		}
		_, n, err := net.ParseCIDR(p)
		if err != nil {
			return fmt.Errorf("TRUSTED_PROXIES: %q is not an address or a CIDR range", p)
		}
		cfg.TrustedProxies = append(cfg.TrustedProxies, n)
	}
	return nil
}
