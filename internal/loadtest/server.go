// Package loadtest drives the real server binary over HTTP: it builds and
// starts `doingoai serve`, sends reports from many concurrent clients,
// kills and restarts the server, and verifies afterwards that every
// acknowledged submission is in the database. cmd/loadbench and the crash
// test use it.
package loadtest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Build compiles the command at root into dir and returns the binary.
func Build(root, dir string) (string, error) {
	bin := filepath.Join(dir, "doingoai")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
}

// Run runs a command of the binary and returns its standard output.
func Run(bin, db string, env []string, args ...string) (string, error) {
	cmd := exec.Command(bin, append(args, "--db", db)...)
	cmd.Env = append(os.Environ(), append([]string{"LOG_LEVEL=warn"}, env...)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("doingoai %s: %v: %s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out), nil
}

// Server is a running `doingoai serve`.
type Server struct {
	Bin  string
	DB   string
	Addr string
	Env  []string
	cmd  *exec.Cmd
	done chan error // receives the exit once; then closed via exited
	exit error
	gone bool // the process has exited and been waited for
}

// wait waits for the process to exit, once: Stop and Kill may both be
// called, in any order and more than once.
func (s *Server) wait() error {
	if !s.gone {
		s.exit = <-s.done
		s.gone = true
	}
	return s.exit
}

// FreeAddr returns a loopback address with a free port.
func FreeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// Start starts the server and waits until it answers /readyz.
func (s *Server) Start() error {
	s.cmd = exec.Command(s.Bin, "serve", "--addr", s.Addr, "--db", s.DB)
	s.cmd.Env = append(os.Environ(), append([]string{"LOG_LEVEL=warn", "RATE_LIMIT=0"}, s.Env...)...)
	s.cmd.Stdout, s.cmd.Stderr = os.Stderr, os.Stderr
	if err := s.cmd.Start(); err != nil {
		return err
	}
	s.done = make(chan error, 1)
	s.gone, s.exit = false, nil
	go func() { s.done <- s.cmd.Wait() }()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-s.done:
			s.gone, s.exit = true, err
			return fmt.Errorf("the server exited at start: %v", err)
		default:
		}
		res, err := http.Get("http://" + s.Addr + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return nil
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	return errors.New("the server did not become ready in 60 s")
}

// Kill ends the server with SIGKILL, as a power cut or an OOM killer would:
// no shutdown, no flush.
func (s *Server) Kill() {
	if s.cmd != nil && s.cmd.Process != nil && !s.gone {
		s.cmd.Process.Signal(syscall.SIGKILL)
		s.wait()
	}
}

// Stop ends the server with SIGTERM and waits for its graceful shutdown.
func (s *Server) Stop() error {
	if s.cmd == nil || s.cmd.Process == nil || s.gone {
		return nil
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-s.done:
		s.gone, s.exit = true, err
		return err
	case <-time.After(60 * time.Second):
		s.Kill()
		return errors.New("the server did not stop in 60 s")
	}
}

// Pid is the server's process id.
func (s *Server) Pid() int { return s.cmd.Process.Pid }

// PeakRSS is the largest resident set the server has had, from
// /proc/PID/status (VmHWM), in bytes; 0 where /proc is missing.
func (s *Server) PeakRSS() int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// Get requests a path with a token and returns the status and body.
func Get(ctx context.Context, c *http.Client, base, token, path string) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path, nil)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	b, err := readAll(res)
	return res.StatusCode, b, err
}
