// Package email sends the service's messages (reminders to communes) to
// an SMTP server named by a URL: smtp://user:pass@host:port, with
// STARTTLS whenever the server offers it. It uses Go's net/smtp.
package email

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"net/url"
	"strings"
	"time"
)

// Sender sends messages through one SMTP server.
type Sender struct {
	addr string // host:port
	host string
	auth smtp.Auth // nil without a user in the URL
	from mail.Address
	// Timeout bounds one message's whole exchange with the server.
	Timeout time.Duration
	// RootCAs verify the server's certificate after STARTTLS; nil: the
	// system's.
	RootCAs *x509.CertPool
}

// Message is one email: plain text, UTF-8.
type Message struct {
	To      []string
	Subject string
	Body    string
}

// New reads SMTP_URL (smtp://user:pass@host:port; port 587 when left out)
// and SMTP_FROM (an address, or "Name <address>"; default
// doingoai@ the server's host). An empty rawURL gives a nil Sender: the
// service sends no email.
func New(rawURL, from string) (*Sender, error) {
	if rawURL == "" {
		return nil, nil
	}
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme != "smtp" || u.Hostname() == "" {
		return nil, fmt.Errorf("SMTP_URL must look like smtp://user:pass@host:port")
	}
	port := u.Port()
	if port == "" {
		port = "587"
	}
	s := &Sender{addr: net.JoinHostPort(u.Hostname(), port), host: u.Hostname(), Timeout: 30 * time.Second}
	if u.User != nil && u.User.Username() != "" {
		pw, _ := u.User.Password()
		s.auth = smtp.PlainAuth("", u.User.Username(), pw, u.Hostname())
	}
	if from == "" {
		from = "doingoai@" + u.Hostname()
	}
	a, err := mail.ParseAddress(from)
	if err != nil {
		return nil, fmt.Errorf("SMTP_FROM: %w", err)
	}
	s.from = *a
	return s, nil
}

// Send delivers m to the server in one exchange: STARTTLS when offered,
// AUTH PLAIN when the URL has a user (net/smtp refuses to send a password
// unencrypted except to localhost), then the message.
func (s *Sender) Send(ctx context.Context, m Message) error {
	ctx, cancel := context.WithTimeout(ctx, s.Timeout)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", s.addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	c, err := smtp.NewClient(conn, s.host)
	if err != nil {
		return err
	}
	defer c.Close()
	if ok, _ := c.Extension("STARTTLS"); ok {
		if err := c.StartTLS(&tls.Config{ServerName: s.host, RootCAs: s.RootCAs}); err != nil {
			return err
		}
	}
	if s.auth != nil {
		if err := c.Auth(s.auth); err != nil {
			return err
		}
	}
	if err := c.Mail(s.from.Address); err != nil {
		return err
	}
	for _, to := range m.To {
		if err := c.Rcpt(to); err != nil {
			return err
		}
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(s.compose(m)); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

// compose writes m with its headers: the subject encoded for non-ASCII
// (RFC 2047), the body quoted-printable UTF-8.
func (s *Sender) compose(m Message) []byte {
	var b bytes.Buffer
	id := make([]byte, 12)
	_, _ = rand.Read(id)
	h := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	h("From", s.from.String())
	h("To", strings.Join(m.To, ", "))
	h("Subject", mime.QEncoding.Encode("utf-8", m.Subject))
	h("Date", time.Now().Format(time.RFC1123Z))
	h("Message-ID", "<"+hex.EncodeToString(id)+"@"+s.host+">")
	h("MIME-Version", "1.0")
	h("Content-Type", "text/plain; charset=utf-8")
	h("Content-Transfer-Encoding", "quoted-printable")
	b.WriteString("\r\n")
	q := quotedprintable.NewWriter(&b)
	_, _ = q.Write([]byte(strings.ReplaceAll(m.Body, "\n", "\r\n")))
	_ = q.Close()
	return b.Bytes()
}
