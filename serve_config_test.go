package main

import (
	"strings"
	"testing"

	"doingoai/api"
)

// TestMailConfig: SMTP_URL and SMTP_FROM make the sender, none without
// SMTP_URL; PUBLIC_URL defaults to localhost on the port served; a bad
// value of any of them stops serve with the variable named.
func TestMailConfig(t *testing.T) {
	for _, tc := range []struct {
		url, from, public, addr string
		mail                    bool
		public2, err            string
	}{
		{addr: ":9090", public2: "http://localhost:9090"},
		{url: "smtp://u:p@mail.example.vn:2525", from: "Văn phòng <bc@example.vn>", public: "https://baocao.example.vn", addr: ":8080", mail: true, public2: "https://baocao.example.vn"},
		{url: "http://mail.example.vn", addr: ":8080", err: "SMTP_URL"},
		{url: "smtp://mail.example.vn", from: "not an address", addr: ":8080", err: "SMTP_FROM"},
		{public: "baocao.example.vn", addr: ":8080", err: "PUBLIC_URL"},
	} {
		t.Setenv("SMTP_URL", tc.url)
		t.Setenv("SMTP_FROM", tc.from)
		t.Setenv("PUBLIC_URL", tc.public)
		var cfg api.Config
		err := mailConfig(&cfg, tc.addr)
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%+v: %v, want an error naming %s", tc, err, tc.err)
			}
		case err != nil || (cfg.Mail != nil) != tc.mail || cfg.PublicURL != tc.public2:
			t.Errorf("%+v: err %v, mail %v, public %q", tc, err, cfg.Mail != nil, cfg.PublicURL)
		}
	}
}
