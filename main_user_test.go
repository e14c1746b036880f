package main

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

func TestUserCommands(t *testing.T) {
	db := dinhHoaDB(t).URL
	r := run(t, db, "user", "create", "--login", "huyen167", "--role", "district", "--unit", "167", "--name", "Phòng Nội vụ huyện Định Hóa")
	if r.code != 0 || !regexp.MustCompile(`^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}\n$`).MatchString(r.stdout) {
		t.Fatalf("user create must print the password alone on one line: %+v", r)
	}
	first := strings.TrimSpace(r.stdout)
	cmd := exec.Command(binary(t), "user", "create", "--login", "xa05596", "--role", "commune", "--unit", "05596", "--password-stdin", "--db", db)
	cmd.Env = append(os.Environ(), "DATABASE_URL=", "LOG_LEVEL=warn")
	cmd.Stdin = strings.NewReader("mot-mat-khau-dai\n")
	if out, err := cmd.CombinedOutput(); err != nil || strings.Contains(string(out), "mot-mat-khau") {
		t.Fatalf("--password-stdin: %v %q", err, out)
	}
	if r := run(t, db, "user", "create", "--login", "huyen167", "--role", "district", "--unit", "167"); r.code != 1 || !strings.Contains(r.stderr, "taken") {
		t.Errorf("a second huyen167: %+v", r)
	}
	if r := run(t, db, "user", "create", "--login", "x", "--role", "commune", "--unit", "167"); r.code != 1 || !strings.Contains(r.stderr, "login:") {
		t.Errorf("a bad account: %+v", r)
	}
	r = run(t, db, "user", "list")
	if r.code != 0 || !regexp.MustCompile(`(?m)^LOGIN\s+ROLE`).MatchString(r.stdout) || !regexp.MustCompile(`(?m)^huyen167\s+district\s+167\s+Phòng Nội vụ`).MatchString(r.stdout) ||
		!regexp.MustCompile(`(?m)^xa05596\s+commune\s+05596`).MatchString(r.stdout) || strings.Contains(r.stdout, "argon2") || strings.Contains(r.stdout, first) {
		t.Fatalf("user list: %+v", r)
	}
	r = run(t, db, "user", "reset-password", "huyen167")
	if r.code != 0 || strings.TrimSpace(r.stdout) == first || len(strings.TrimSpace(r.stdout)) != 19 {
		t.Fatalf("reset-password: %+v", r)
	}
	if r := run(t, db, "user", "disable", "huyen167"); r.code != 0 {
		t.Fatalf("disable: %+v", r)
	}
	if r := run(t, db, "user", "list"); !regexp.MustCompile(`(?m)^huyen167.*disabled`).MatchString(r.stdout) {
		t.Errorf("list after disable: %s", r.stdout)
	}
	if r := run(t, db, "user", "disable", "nobody"); r.code != 1 {
		t.Errorf("disable an unknown login: %+v", r)
	}
	// import: all or none, every problem at its line.
	dir := t.TempDir()
	bad := dir + "/bad.csv"
	os.WriteFile(bad, []byte("\ufefflogin;role;unit_code;name;email\r\nxa05599;commune;05599;Sơn Phú;\r\nxa05596;commune;05596;Bộc Nhiêu;\r\nxa05602;commune;99999;x;a@\r\n"), 0o600)
	if r := run(t, db, "user", "import", bad); r.code != 1 || !strings.Contains(r.stderr, "line 3.login") || !strings.Contains(r.stderr, "line 4.unit_code") ||
		!strings.Contains(r.stderr, "line 4.email") {
		t.Errorf("import of a bad file: %+v", r)
	}
	if r := run(t, db, "user", "list"); strings.Contains(r.stdout, "xa05599") {
		t.Errorf("a bad file created an account: %s", r.stdout)
	}
	good := dir + "/good.csv"
	os.WriteFile(good, []byte("login,role,unit_code,name,email\nxa05599,commune,05599,Văn phòng UBND xã Sơn Phú,vanphong@sonphu.gov.vn\nxa05602,commune,05602,Văn phòng UBND xã Phúc Chu,\n"), 0o600)
	r = run(t, db, "user", "import", good)
	if r.code != 0 || !regexp.MustCompile(`(?m)^xa05599\s+[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}\s+commune\s+05599`).MatchString(r.stdout) ||
		!regexp.MustCompile(`(?m)^xa05602\s+[a-z0-9-]{19}\s`).MatchString(r.stdout) {
		t.Fatalf("import: %+v", r)
	}
	xlsx := dir + "/out.xlsx"
	os.WriteFile(good, []byte("login,role,unit_code,name\nxa05605,commune,05605,Văn phòng UBND xã Phượng Tiến\n"), 0o600)
	if r := run(t, db, "user", "import", good, "--xlsx", xlsx, "--site", "https://baocao.example.vn/"); r.code != 0 || r.stdout != "" {
		t.Fatalf("import to a workbook: %+v", r)
	}
	if b, err := os.ReadFile(xlsx); err != nil || !strings.HasPrefix(string(b), "PK") {
		t.Fatalf("the workbook: %v", err)
	}
	// move: to a commune-level unit only.
	if r := run(t, db, "user", "move", "xa05602", "--unit", "167"); r.code != 1 || !strings.Contains(r.stderr, "unit_code") {
		t.Errorf("move to a district: %+v", r)
	}
	if r := run(t, db, "user", "move", "xa05602", "--unit", "05599"); r.code != 0 || !strings.Contains(r.stderr, "05599") {
		t.Errorf("move: %+v", r)
	}
	if r := run(t, db, "user", "list"); !regexp.MustCompile(`(?m)^xa05602\s+commune\s+05599\s`).MatchString(r.stdout) {
		t.Errorf("list after move: %s", r.stdout)
	}
	if r := run(t, db, "user", "--help"); r.code != 0 || !strings.Contains(r.stderr, "Usage") {
		t.Errorf("user --help: %+v", r)
	}
}

// TestDemoSignIn is the newcomer's path: serve --demo, open the printed
// address, sign in with the printed district password, see Định Hóa's 2024
// overview.
func TestDemoSignIn(t *testing.T) {
	_, _, printed := serveDemo(t)
	var site string
	passwords := map[string]string{}
	for _, line := range printed {
		if m := regexp.MustCompile(`^Web app: (http://\S+/)`).FindStringSubmatch(line); m != nil {
			site = m[1]
		}
		if m := regexp.MustCompile(`login: (\S+)\s+password: (\S+)`).FindStringSubmatch(line); m != nil {
			passwords[m[1]] = m[2]
		}
	}
	if site == "" || len(passwords) != 5 {
		t.Fatalf("demo printed site %q and passwords %v", site, passwords)
	}
	// A login per role and level, each landing on a page of a year it makes
	// sense for: the province (which receives the communes' reports since the
	// reform) on 2025, the district that ended on 30/06/2025 on 2024.
	for login, want := range map[string]string{"admin": "/u/VN/2025", "tinh19": "/u/19/2025", "huyen167": "/u/167/2024",
		"xa05596": "/xa/05596/2024", "xa05581": "/xa/05581/2025"} {
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar}
		req, _ := http.NewRequest("POST", strings.TrimSuffix(site, "/")+"/login", strings.NewReader(url.Values{"login": {login}, "password": {passwords[login]}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", strings.TrimSuffix(site, "/"))
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || res.Request.URL.Path != want {
			t.Errorf("%s lands on %s (%d), want %s", login, res.Request.URL.Path, res.StatusCode, want)
		}
		// The clerk of the commune that ended reads its 2024 report and is
		// told which unit reports for its territory now.
		if login == "xa05596" && (!strings.Contains(string(body), "Xã Trung Hội (mã 05581)") || !strings.Contains(string(body), "Xã Bộc Nhiêu đã kết thúc ngày 30/06/2025")) {
			t.Errorf("the ended commune's clerk is not told where its territory reports now")
		}
	}
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	res, err := client.Get(site)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.Request.URL.Path != "/login" {
		t.Fatalf("the printed address led to %s, not the sign-in form", res.Request.URL)
	}
	req, _ := http.NewRequest("POST", strings.TrimSuffix(site, "/")+"/login", strings.NewReader(url.Values{"login": {"huyen167"}, "password": {passwords["huyen167"]}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", strings.TrimSuffix(site, "/"))
	res, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || res.Request.URL.Path != "/u/167/2024" || !strings.Contains(string(body), "Huyện Định Hóa") || !strings.Contains(string(body), "kỳ báo cáo 2024") {
		t.Fatalf("after signing in: %d at %s", res.StatusCode, res.Request.URL)
	}
	if !strings.Contains(string(body), "<dt>Đã báo cáo</dt><dd>1/23</dd>") {
		t.Errorf("the demo overview does not say 1 of 23 communes reported")
	}
}

// TestReformListsAccounts: after `units reform`, the accounts and tokens of
// the units that ended are listed with the unit that reports for their
// territory now, and `user move` binds an account there.
func TestReformListsAccounts(t *testing.T) {
	db := dinhHoaDB(t).URL
	for _, args := range [][]string{
		{"user", "create", "--login", "xa05596", "--role", "commune", "--unit", "05596", "--name", "Văn phòng UBND xã Bộc Nhiêu"},
		{"user", "create", "--login", "huyen167", "--role", "district", "--unit", "167"},
		{"token", "create", "--role", "commune", "--unit", "05596", "--name", "Phần mềm một cửa xã Bộc Nhiêu"},
	} {
		if r := run(t, db, args...); r.code != 0 {
			t.Fatalf("%v: %+v", args, r)
		}
	}
	reform := []string{"units", "reform", "--on", "2025-07-01", "--units", "demo/units-thai-nguyen-2025-07-01.csv", "--map", "demo/reform-dinh-hoa-2025-07-01.csv", "--scope", "19"}
	if r := run(t, db, append(reform, "--dry-run")...); r.code != 0 || strings.Contains(r.stdout, "accounts of units") {
		t.Fatalf("dry run: %+v", r)
	}
	r := run(t, db, reform...)
	if r.code != 0 || !strings.Contains(r.stdout, "2 accounts of units that ended on 2025-06-30") ||
		!regexp.MustCompile(`(?m)^\s+xa05596\s+commune\s+05596 Xã Bộc Nhiêu\s+→ 05581 Xã Trung Hội\s+doingoai user move xa05596 --unit 05581$`).MatchString(r.stdout) ||
		!regexp.MustCompile(`(?m)^\s+huyen167\s+district\s+167 Huyện Định Hóa\s+→ 19 Tỉnh Thái Nguyên`).MatchString(r.stdout) ||
		!strings.Contains(r.stdout, "1 tokens of units that ended on 2025-06-30") || !regexp.MustCompile(`(?m)^\s+\d+\s+commune\s+05596\s+Phần mềm một cửa xã Bộc Nhiêu$`).MatchString(r.stdout) {
		t.Fatalf("reform: %+v", r)
	}
	if r := run(t, db, "user", "move", "xa05596", "--unit", "05581"); r.code != 0 || !strings.Contains(r.stderr, "05581 Xã Trung Hội") {
		t.Fatalf("move: %+v", r)
	}
	if r := run(t, db, "user", "move", "huyen167", "--unit", "05581"); r.code != 1 || !strings.Contains(r.stderr, "unit_code") {
		t.Errorf("a district account moved to a commune: %+v", r)
	}
	if r := run(t, db, "user", "list"); !regexp.MustCompile(`(?m)^xa05596\s+commune\s+05581\s`).MatchString(r.stdout) {
		t.Errorf("list after the move: %s", r.stdout)
	}
	if r := run(t, db, reform...); r.code != 0 || strings.Contains(r.stdout, "xa05596") || !strings.Contains(r.stdout, "huyen167") {
		t.Errorf("a second run lists what is left: %+v", r)
	}
}
