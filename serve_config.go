package main

import (
	"cmp"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"

	"doingoai/api"
	"doingoai/email"
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

// mailConfig reads SMTP_URL and SMTP_FROM (the reminders' email; none
// without SMTP_URL) and PUBLIC_URL, the address people reach the web app
// at, for the links in emails (default http://localhost and the port of
// addr).
func mailConfig(cfg *api.Config, addr string) error {
	m, err := email.New(os.Getenv("SMTP_URL"), os.Getenv("SMTP_FROM"))
	if err != nil {
		return err
	}
	cfg.Mail = m
	cfg.PublicURL = os.Getenv("PUBLIC_URL")
	if cfg.PublicURL == "" {
		_, port, _ := net.SplitHostPort(addr)
		cfg.PublicURL = "http://localhost:" + cmp.Or(port, "8080")
	}
	if u, err := url.Parse(cfg.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("PUBLIC_URL must be an absolute address such as https://baocao.example.gov.vn")
	}
	return nil
}
