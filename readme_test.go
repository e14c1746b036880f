package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"doingoai/internal/loadtest"
	"doingoai/internal/testenv"
)

// block is one fenced code block of a Markdown file.
type block struct {
	lang, text string
	line       int
}

// codeBlocks returns the fenced code blocks of the section of md that
// starts with the heading line heading and ends at the next heading of the
// same level.
func codeBlocks(t *testing.T, md, heading string) []block {
	t.Helper()
	level := heading[:strings.IndexByte(heading, ' ')+1]
	var out []block
	in, fenced := false, false
	var cur block
	var text strings.Builder
	for i, line := range strings.Split(md, "\n") {
		switch {
		case !fenced && line == heading:
			in = true
			continue
		case !fenced && in && strings.HasPrefix(line, level):
			return out
		}
		if !in {
			continue
		}
		if strings.HasPrefix(line, "```") {
			if !fenced {
				fenced, cur = true, block{lang: strings.TrimPrefix(line, "```"), line: i + 1}
				text.Reset()
			} else {
				fenced, cur.text = false, text.String()
				out = append(out, cur)
			}
			continue
		}
		if fenced {
			text.WriteString(line + "\n")
		}
	}
	if !in {
		t.Fatalf("README.md has no heading %q", heading)
	}
	return out
}

// serveDemo starts `doingoai serve --demo` on a fresh database, with env
// added to its environment, stopped when the test ends. Once it is ready,
// it returns its base URL, the tokens it printed by role, and every line
// it printed.
func serveDemo(t *testing.T, env ...string) (base string, tokens map[string]string, printed []string) {
	t.Helper()
	base, tokens, printed, stop := serveDemoOn(t, binary(t), testenv.NewDB(t).URL, env...)
	t.Cleanup(stop)
	return base, tokens, printed
}

// serveDemoOn runs `bin serve --demo` on db (bin may be an earlier release
// of this repository) until stop is called.
func serveDemoOn(t *testing.T, bin, db string, env ...string) (base string, tokens map[string]string, printed []string, stop func()) {
	t.Helper()
	addr, err := loadtest.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "serve", "--demo", "--addr", addr, "--db", db)
	cmd.Env = append(append(os.Environ(), "LOG_LEVEL=warn"), env...)
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	stop = func() { once.Do(func() { cmd.Process.Signal(os.Interrupt); cmd.Wait(); cancel() }) }
	t.Cleanup(stop)
	tokens = map[string]string{}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		line := sc.Text()
		printed = append(printed, line)
		f := strings.Fields(line)
		if len(f) >= 2 && (f[0] == "admin" || f[0] == "district" || f[0] == "commune") && strings.HasPrefix(f[len(f)-1], "dgo_") {
			tokens[f[0]] = f[len(f)-1]
		}
		if strings.HasPrefix(line, "API documentation") { // the last line it prints
			break
		}
	}
	go io.Copy(io.Discard, stdout)
	if len(tokens) != 3 {
		t.Fatalf("serve --demo printed the tokens %v:\n%s", tokens, strings.Join(printed, "\n"))
	}
	base = "http://" + addr
	for i := 0; ; i++ {
		res, err := http.Get(base + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				break
			}
		}
		if i == 500 {
			t.Fatal("the demo server did not become ready")
		}
		time.Sleep(20 * time.Millisecond)
	}
	return base, tokens, printed, stop
}

// readmeSection returns the code blocks of a section of README.md whose
// commands a test runs with curl (see runBlocks).
func readmeSection(t *testing.T, heading string) []block {
	t.Helper()
	if _, err := exec.LookPath("curl"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("curl is needed to run the README's section %q", heading)
		}
		t.Skip("curl is not installed")
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	return codeBlocks(t, string(readme), heading)
}

// TestReadmeWalkthrough runs every command of the README's walkthrough, in
// order, in one shell, against a real `serve --demo`, as a reader would
// paste them; each answer block shown after a command block must match
// what the commands printed: every line of it, with "…" standing for what
// is left out, appears in the output in that order. So the walkthrough
// cannot rot.
func TestReadmeWalkthrough(t *testing.T) {
	blocks := readmeSection(t, "## Walkthrough: connecting a commune system")
	if len(blocks) < 10 {
		t.Fatalf("the walkthrough has %d code blocks", len(blocks))
	}

	base, tokens, _ := serveDemo(t, "RATE_LIMIT=0")
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "demo"), 0o755); err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile("demo/boc-nhieu-2024.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "demo", "boc-nhieu-2024.json"), example, 0o644); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "BASE="+base, "ADMIN="+tokens["admin"], "DISTRICT="+tokens["district"], "COMMUNE="+tokens["commune"])

	commands, checked := runBlocks(t, blocks, dir, env)
	if commands < 8 || checked < 8 {
		t.Errorf("the walkthrough ran %d command blocks and checked %d answers; expected at least 8 of each", commands, checked)
	}

	// The end state the walkthrough describes.
	req, _ := http.NewRequest("GET", base+"/api/v1/reports/05596/2023", nil)
	req.Header.Set("Authorization", "Bearer "+tokens["district"])
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var rep struct {
		Status   string `json:"status"`
		Revision int    `json:"revision"`
	}
	if err := json.NewDecoder(res.Body).Decode(&rep); err != nil {
		t.Fatal(err)
	}
	if rep.Status != "accepted" || rep.Revision != 3 {
		t.Errorf("after the walkthrough the report is %+v; want accepted, revision 3", rep)
	}
	xlsx, err := os.ReadFile(filepath.Join(dir, "dinh-hoa-2023.xlsx"))
	if err != nil || !bytes.HasPrefix(xlsx, []byte("PK")) {
		t.Errorf("the walkthrough's workbook: %v, %d bytes", err, len(xlsx))
	}
}

// runBlocks runs the command blocks of a README section in order, each in
// bash in dir with env, and checks the answer block that follows each:
// every line of it, with "…" standing for what is left out, appears in
// what the commands printed, in that order.
func runBlocks(t *testing.T, blocks []block, dir string, env []string) (commands, checked int) {
	t.Helper()
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		if b.lang != "sh" {
			t.Errorf("README.md:%d: an answer block (%s) that follows no command block", b.line, b.lang)
			continue
		}
		// The variables the reader sets by hand are set by the test.
		var script []string
		for _, l := range strings.Split(b.text, "\n") {
			if strings.HasPrefix(l, "export ") {
				continue
			}
			script = append(script, l)
		}
		if strings.TrimSpace(strings.Join(script, "")) == "" {
			continue
		}
		commands++
		cmd := exec.Command("bash", "-euo", "pipefail", "-c", strings.Join(script, "\n"))
		cmd.Dir, cmd.Env = dir, env
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("README.md:%d: the commands failed: %v\n%s\n%s", b.line, err, stdout.String(), stderr.String())
		}
		out := strings.ReplaceAll(stdout.String(), "\r\n", "\n")
		if i+1 < len(blocks) && blocks[i+1].lang != "sh" {
			i++
			checked++
			want := blocks[i]
			pos := 0
			for _, piece := range strings.Split(want.text, "…") {
				for _, l := range strings.Split(piece, "\n") {
					l = strings.TrimSpace(l)
					if l == "" {
						continue
					}
					at := strings.Index(out[pos:], l)
					if at < 0 {
						t.Errorf("README.md:%d: the answer shown has\n\t%s\nwhich is not in what the commands of line %d printed (after what matched before):\n%s", want.line, l, b.line, out)
						break
					}
					pos += at + len(l)
				}
			}
		}
	}
	return commands, checked
}

// TestRepositoryStandsAlone fails when a file of the repository cites the
// reference files the project was specified with, which a reader of the
// repository does not have: what a user needs from them is in README.md
// and RULES.md.
func TestRepositoryStandsAlone(t *testing.T) {
	outside := []string{"DOMAIN" + ".md", "CONTRACT" + ".md", "../" + "shared", "/work/" + "shared"}
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" || d.Name() == "bench-out" {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".md", ".sql", ".yaml", ".yml", ".json", ".tmpl", ".html", ".js", ".css", ".sh", ".txt", "":
		default:
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, s := range outside {
			if bytes.Contains(b, []byte(s)) {
				t.Errorf("%s cites %s, which is not part of the repository", path, s)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestTimestampExamplesAreUTC: the service writes every timestamp in UTC
// ("…Z"), so the OpenAPI document's examples of timestamps that it writes
// do too; an example in another offset would show what no answer has.
func TestTimestampExamplesAreUTC(t *testing.T) {
	doc, err := os.ReadFile("docs/swagger.json")
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Definitions map[string]struct {
			Properties map[string]struct {
				Format  string `json:"format"`
				Example any    `json:"example"`
			} `json:"properties"`
		} `json:"definitions"`
	}
	if err := json.Unmarshal(doc, &d); err != nil {
		t.Fatal(err)
	}
	n := 0
	for name, def := range d.Definitions {
		for prop, p := range def.Properties {
			if s, ok := p.Example.(string); ok && p.Format == "date-time" {
				n++
				if !strings.HasSuffix(s, "Z") {
					t.Errorf("%s.%s: the example %q is not in UTC", name, prop, s)
				}
			}
		}
	}
	if n < 5 {
		t.Errorf("only %d timestamp examples found", n)
	}
}
