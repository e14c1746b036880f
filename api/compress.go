package api

import (
	"net/http"

	"github.com/klauspost/compress/gzhttp"
	"github.com/labstack/echo/v4"
)

// compressedTypes are the answers worth compressing: pages, their scripts
// and styles, JSON and CSV. Word and Excel files are zip archives already
// and are sent as they are.
var compressedTypes = []string{
	"text/html", "text/css", "text/javascript", "application/javascript",
	"application/json", "application/problem+json", "application/yaml",
	"text/csv", "text/plain", "image/svg+xml",
}

// compress gzips answers of compressedTypes for clients that accept it
// (every browser does): the commune's form is ~100 KB of HTML and ~15 KB
// gzipped, which matters on a commune office's slow link. gzhttp adds
// "Vary: Accept-Encoding", leaves answers under 1 KiB alone, and never
// compresses a Range request.
func compress() echo.MiddlewareFunc {
	wrap, err := gzhttp.NewWrapper(gzhttp.ContentTypes(compressedTypes), gzhttp.MinSize(1024))
	if err != nil {
		panic(err) // fixed options: an error is a build defect
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			plain := c.Response().Writer
			wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				c.Response().Writer = w
				// An error becomes its answer here, through the compressing
				// writer, before that writer is closed (as measure does).
				if err := next(c); err != nil {
					c.Error(err)
				}
			})).ServeHTTP(plain, c.Request())
			c.Response().Writer = plain
			return nil
		}
	}
}
