package testenv

import (
	"log/slog"
	"os"
)

// Logger writes the service's logs to stderr when a test is run with
// TEST_LOG=1.
func Logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
}
