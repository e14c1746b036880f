package email_test

import (
	"context"
	"strings"
	"testing"

	"doingoai/email"
	"doingoai/internal/mailtest"
)

// TestSendOverSTARTTLS: a server that offers STARTTLS gets the message
// over TLS, the password of the URL only once encrypted (the test server
// refuses AUTH before), with a Vietnamese subject and body intact.
func TestSendOverSTARTTLS(t *testing.T) {
	srv, pool := mailtest.StartTLS(t, "baocao", "mật khẩu")
	s, err := email.New("smtp://baocao:m%E1%BA%ADt%20kh%E1%BA%A9u@"+srv.Addr, "Văn phòng UBND tỉnh <baocao@thainguyen.gov.vn>")
	if err != nil {
		t.Fatal(err)
	}
	s.RootCAs = pool
	if err := s.Send(context.Background(), email.Message{To: []string{"xa@example.vn"}, Subject: "Nhắc gửi báo cáo năm 2024", Body: "Kính gửi: UBND xã Bộc Nhiêu.\nHạn nộp: 25/11/2024."}); err != nil {
		t.Fatal(err)
	}
	m := srv.Wait(t, 1)[0]
	if !m.TLS || m.User != "baocao" || m.Subject != "Nhắc gửi báo cáo năm 2024" || !strings.Contains(m.Body, "Kính gửi: UBND xã Bộc Nhiêu.\nHạn nộp: 25/11/2024.") {
		t.Errorf("%+v", m)
	}
	if !strings.Contains(m.Header.Get("From"), "baocao@thainguyen.gov.vn") {
		t.Errorf("From: %q", m.Header.Get("From"))
	}
	// Without trusting the certificate the exchange stops at STARTTLS.
	s.RootCAs = nil
	if err := s.Send(context.Background(), email.Message{To: []string{"xa@example.vn"}, Subject: "x", Body: "x"}); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("an untrusted certificate: %v", err)
	}
}
