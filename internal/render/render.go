// Package render converts documents the way people will see them, for
// tests: LibreOffice (soffice --headless --convert-to pdf) renders a .docx
// or .xlsx to PDF; poppler's pdfinfo, pdftotext and pdftoppm read the PDF
// back as pages, text and images. Where these tools are missing a test is
// skipped, loudly, and under CI=true it fails: .ci/run installs them.
package render

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Tools are the programs the rendering tests need.
var Tools = []string{"soffice", "pdfinfo", "pdftotext", "pdftoppm"}

// Require skips the test (or fails it under CI=true) unless every tool is
// installed.
func Require(t testing.TB) {
	t.Helper()
	var missing []string
	for _, tool := range Tools {
		if _, err := exec.LookPath(tool); err != nil {
			missing = append(missing, tool)
		}
	}
	if len(missing) == 0 {
		return
	}
	msg := fmt.Sprintf("RENDERING NOT TESTED: %s not installed (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation2 poppler-utils)", strings.Join(missing, ", "))
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// PDF is a rendered document.
type PDF struct {
	Path string
	t    testing.TB
}

// ToPDF renders a document (its name's extension says the kind) with
// LibreOffice, in a profile of its own so that tests may run side by side.
func ToPDF(t testing.TB, name string, content []byte) *PDF {
	t.Helper()
	Require(t)
	dir := t.TempDir()
	src := filepath.Join(dir, name)
	if err := os.WriteFile(src, content, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", dir, src)
	out, err := cmd.CombinedOutput()
	pdf := strings.TrimSuffix(src, filepath.Ext(src)) + ".pdf"
	if _, serr := os.Stat(pdf); err != nil || serr != nil {
		t.Fatalf("LibreOffice could not render %s: %v %v\n%s", name, err, serr, out)
	}
	return &PDF{Path: pdf, t: t}
}

func (p *PDF) run(name string, args ...string) string {
	p.t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		p.t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out)
}

// Pages is the number of pages.
func (p *PDF) Pages() int {
	p.t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(p.run("pdfinfo", p.Path))
	if m == nil {
		p.t.Fatal("pdfinfo: no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// Landscape tells whether a page (from 1) is wider than tall.
func (p *PDF) Landscape(page int) bool {
	p.t.Helper()
	n := strconv.Itoa(page)
	m := regexp.MustCompile(`size:\s+([\d.]+) x ([\d.]+) pts`).FindStringSubmatch(p.run("pdfinfo", "-f", n, "-l", n, p.Path))
	if m == nil {
		p.t.Fatal("pdfinfo: no page size")
	}
	w, _ := strconv.ParseFloat(m[1], 64)
	h, _ := strconv.ParseFloat(m[2], 64)
	return w > h
}

// Text is the text of a page (from 1), laid out as on the page.
func (p *PDF) Text(page int) string {
	p.t.Helper()
	n := strconv.Itoa(page)
	return p.run("pdftotext", "-layout", "-f", n, "-l", n, p.Path, "-")
}

// PNG renders a page (from 1) as a PNG image at dpi dots per inch.
func (p *PDF) PNG(page, dpi int) []byte {
	p.t.Helper()
	n := strconv.Itoa(page)
	out, err := exec.Command("pdftoppm", "-png", "-r", strconv.Itoa(dpi), "-f", n, "-l", n, "-singlefile", p.Path).Output()
	if err != nil || !bytes.HasPrefix(out, []byte("\x89PNG")) {
		p.t.Fatalf("pdftoppm: %v", err)
	}
	return out
}

var wordBox = regexp.MustCompile(`<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">`)

// TextHeight is the median height, in points, of the words of a page (from
// 1): about the size its text prints at, 0 on a page without words.
func (p *PDF) TextHeight(page int) float64 {
	p.t.Helper()
	n := strconv.Itoa(page)
	var hs []float64
	for _, m := range wordBox.FindAllStringSubmatch(p.run("pdftotext", "-bbox", "-f", n, "-l", n, p.Path, "-"), -1) {
		y0, _ := strconv.ParseFloat(m[1], 64)
		y1, _ := strconv.ParseFloat(m[2], 64)
		hs = append(hs, y1-y0)
	}
	if len(hs) == 0 {
		return 0
	}
	slices.Sort(hs)
	return hs[len(hs)/2]
}
