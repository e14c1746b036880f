// doingoai: a little progressive enhancement. Every page works without it.
(function () {
  "use strict";
  // The chart's indicator: its form works alone (the button, landing back
  // at #bieu-do); here a change of the list redraws the charts in place,
  // without leaving the page, so that a person going through the list with
  // the arrow keys keeps their place and the focus stays on the list.
  document.querySelectorAll("form[data-chart-form]").forEach(function (f) {
    var sel = f.querySelector("select"), timer = null, asked = 0;
    sel.addEventListener("change", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = new URLSearchParams(location.search);
        q.set(sel.name, sel.value);
        var url = location.pathname + "?" + q.toString(), n = ++asked;
        fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } }).then(function (r) {
          if (!r.ok) { throw new Error(String(r.status)); }
          return r.text();
        }).then(function (html) {
          if (n !== asked) { return; } // a later choice is on its way
          var doc = new DOMParser().parseFromString(html, "text/html");
          ["h-chart", "bieu-do-hinh"].forEach(function (id) {
            var fresh = doc.getElementById(id), cur = document.getElementById(id);
            if (fresh && cur) { cur.replaceWith(document.importNode(fresh, true)); }
          });
          document.querySelectorAll("table.totals tbody tr").forEach(function (tr) {
            tr.classList.toggle("chosen", !!tr.querySelector('a[href="?chi-tieu=' + sel.value + '#bieu-do"]'));
          });
          history.replaceState(null, "", url + "#bieu-do");
        }).catch(function () { f.submit(); });
      }, 250);
    });
  });
  // A line over the periods that scrolls in its box shows the latest
  // periods first.
  document.querySelectorAll(".chartbox").forEach(function (b) {
    if (b.querySelector("svg.line")) { b.scrollLeft = b.scrollWidth; }
  });
  // A print button, shown only where it can work.
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
  // Returning a report needs a comment: say so at the field before sending.
  document.querySelectorAll("button[name=decision][value=return]").forEach(function (b) {
    b.addEventListener("click", function (e) {
      var c = b.form.querySelector("textarea[name=comment]");
      if (c && c.value.trim() === "") {
        e.preventDefault();
        c.setAttribute("aria-invalid", "true");
        var msg = document.getElementById("comment-err");
        if (!msg) {
          msg = document.createElement("p");
          msg.id = "comment-err";
          msg.className = "field-err";
          c.insertAdjacentElement("afterend", msg);
          c.setAttribute("aria-describedby", "comment-err");
        }
        msg.textContent = "Khi trả lại, xin ghi rõ xã cần sửa, bổ sung nội dung gì.";
        c.focus();
      }
    });
  });
})();

// Nothing a person types is lost. Every form that changes something (a
// POST form with the session's csrf field) is:
//  - kept in this browser (localStorage, per person, page and form) from
//    the first keystroke, and dropped once the service has stored it (the
//    page it leads to says so with ?da…); coming back to a page whose form
//    was not stored offers to restore it, with when it was typed;
//  - sent only with a live session: before sending, the page asks the
//    service (GET /phien); if the session has ended, a dialog asks for the
//    password in place, signs in again and then sends what was typed;
//  - never sent into a broken link: offline, the page says so and keeps
//    the typing; when the link is back, a draft of the commune's report is
//    saved by itself — the report itself is sent only when the person
//    clicks Gửi báo cáo.
// Nothing of it goes anywhere but to this service.
(function () {
  "use strict";
  var user = document.body.getAttribute("data-user");
  // The service's paths, as the page's URL builder (web/urls) wrote them.
  var paths = { login: document.body.getAttribute("data-login"), logout: document.body.getAttribute("data-logout"),
    session: document.body.getAttribute("data-session") };
  if (!user || !paths.login || !paths.logout || !paths.session || !window.fetch || !window.localStorage) return;
  var skip = { csrf: 1, idem: 1, etag: 1, action: 1, password: 1, file: 1 };

  function guarded(f) {
    return f && f.method && f.method.toLowerCase() === "post" && f.querySelector("input[name=csrf]") &&
      !f.hasAttribute("data-nokeep") && f.getAttribute("action") !== paths.logout;
  }
  function keyOf(f) {
    var forms = Array.prototype.slice.call(document.forms);
    return "doingoai:keep:" + user + ":" + location.pathname + ":" + (f.id || f.getAttribute("action") || forms.indexOf(f));
  }
  function fields(f) {
    var out = [];
    Array.prototype.forEach.call(f.elements, function (el) {
      if (!el.name || skip[el.name] || el.disabled || el.type === "submit" || el.type === "button" || el.type === "file") return;
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) return;
      out.push([el.name, el.value]);
    });
    return out;
  }
  function typed(list) { return list.some(function (p) { return p[1].trim() !== ""; }); }
  function read(f) {
    try { return JSON.parse(localStorage.getItem(keyOf(f)) || "null"); } catch (e) { return null; }
  }
  function keep(f) {
    try { localStorage.setItem(keyOf(f), JSON.stringify({ at: Date.now(), fields: fields(f) })); } catch (e) { /* full or denied: the page still works */ }
  }
  function drop(f) { try { localStorage.removeItem(keyOf(f)); } catch (e) { /* ignore */ } }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function when(ms) {
    var d = new Date(ms);
    return pad(d.getHours()) + ":" + pad(d.getMinutes()) + " ngày " + pad(d.getDate()) + "/" + pad(d.getMonth() + 1) + "/" + d.getFullYear();
  }
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  // A page reached after a save (…?da=…) drops what was kept of its
  // forms; the address then loses its ?da, so that a reload later does not
  // drop what is typed after it.
  var stored = /[?&]da[^=&]*=/.test(location.search);
  if (stored && window.history && history.replaceState) {
    var q = location.search.slice(1).split("&").filter(function (kv) { return !/^da[^=]*=/.test(kv); }).join("&");
    history.replaceState(history.state, "", location.pathname + (q ? "?" + q : "") + location.hash);
  }
  var forms = Array.prototype.filter.call(document.forms, guarded);
  var dirty = [];

  // An entry of a list the form does not show yet is added from the
  // list's template (the commune's form: [data-add] buttons).
  function grow(f, name) {
    var m = /^(.*?)\[(\d+)\]/.exec(name);
    if (!m) return;
    var want = parseInt(m[2], 10), sample = m[1] + "[__i__]";
    var lists = f.querySelectorAll(".cf-list");
    for (var i = 0; i < lists.length; i++) {
      var tpl = lists[i].querySelector("template.cf-new");
      if (!tpl || tpl.innerHTML.indexOf('name="' + sample) < 0 && tpl.innerHTML.indexOf("name=\"" + sample) < 0) continue;
      var add = lists[i].querySelector("[data-add]");
      for (var n = 0; n < 50 && !f.elements.namedItem(name) && add; n++) {
        if ((parseInt(lists[i].getAttribute("data-next"), 10) || 0) > want) break;
        add.click();
      }
      return;
    }
  }
  function restore(f, list) {
    list.forEach(function (p) {
      if (!f.elements.namedItem(p[0])) grow(f, p[0]);
      var el = f.elements.namedItem(p[0]);
      if (!el) return;
      if (el.length && !el.tagName) el = el[0];
      el.value = p[1];
      el.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }
  // The bar that says what became of the typing: the form's first child
  // (and, on the commune's form, also the status line beside its buttons,
  // where the person who just clicked is looking).
  function bar(f, cls, text) {
    var b = f.querySelector(":scope > .keep-bar");
    if (!b) {
      b = document.createElement("div");
      b.setAttribute("role", "status");
      f.insertBefore(b, f.firstChild);
    }
    b.className = "keep-bar " + cls;
    b.textContent = text;
    var line = f.querySelector("#cf-check");
    if (line && cls === "warn") line.textContent = text;
    return b;
  }

  forms.forEach(function (f) {
    var kept = read(f);
    if (stored) { drop(f); kept = null; }
    if (kept && typed(kept.fields) && !same(kept.fields, fields(f))) {
      var b = bar(f, "notice", "Có nội dung bạn đã nhập lúc " + when(kept.at) + " trên máy này nhưng chưa được lưu lên hệ thống. ");
      var yes = document.createElement("button");
      yes.type = "button";
      yes.textContent = "Khôi phục nội dung đó";
      yes.addEventListener("click", function () {
        restore(f, kept.fields);
        keep(f);
        bar(f, "notice", "Đã khôi phục nội dung nhập lúc " + when(kept.at) + ". Nội dung này chưa được lưu: hãy kiểm tra rồi bấm nút lưu hoặc gửi.");
      });
      var no = document.createElement("button");
      no.type = "button";
      no.className = "secondary";
      no.textContent = "Bỏ nội dung đó";
      no.addEventListener("click", function () {
        if (!window.confirm("Bỏ hẳn nội dung đã nhập lúc " + when(kept.at) + "? Nội dung này chưa được lưu và sẽ không lấy lại được.")) return;
        drop(f);
        b.parentNode.removeChild(b);
      });
      b.appendChild(yes);
      b.appendChild(document.createTextNode(" "));
      b.appendChild(no);
    }
    var t = null;
    function changed() {
      if (dirty.indexOf(f) < 0) dirty.push(f);
      if (t) clearTimeout(t);
      t = setTimeout(function () { keep(f); }, 250);
    }
    f.addEventListener("input", changed);
    f.addEventListener("change", changed);
  });

  // The session, asked before a form is sent.
  function session() {
    var ctrl = typeof AbortController === "function" ? new AbortController() : null;
    var timer = ctrl ? setTimeout(function () { ctrl.abort(); }, 15000) : null;
    return fetch(paths.session, { credentials: "same-origin", cache: "no-store", headers: { "Accept": "application/json" }, signal: ctrl ? ctrl.signal : undefined })
      .then(function (r) {
        if (timer) clearTimeout(timer);
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      });
  }
  function setCSRF(token) {
    document.querySelectorAll("input[name=csrf]").forEach(function (i) { i.value = token; });
  }
  function send(f, submitter) {
    f.setAttribute("data-keep-go", "1");
    if (f.requestSubmit) f.requestSubmit(submitter || undefined);
    else f.submit();
  }

  // The dialog that asks for the password when the session has ended.
  var dialog = null;
  function askPassword(f, submitter) {
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.className = "reauth";
      dialog.setAttribute("aria-labelledby", "reauth-h");
      dialog.innerHTML = '<form method="dialog" class="stack"><h2 id="reauth-h">Phiên làm việc đã hết hạn</h2>' +
        '<p>Nội dung bạn vừa nhập vẫn còn nguyên. Xin nhập lại mật khẩu của tài khoản <strong class="reauth-login"></strong> để lưu tiếp.</p>' +
        '<label for="reauth-pw">Mật khẩu</label><input id="reauth-pw" type="password" autocomplete="current-password" required>' +
        '<p class="field-err" id="reauth-err" role="alert"></p>' +
        '<div class="actions"><button type="submit" value="ok" id="reauth-ok">Đăng nhập và lưu</button> <button type="button" class="secondary" id="reauth-cancel">Để sau</button></div></form>';
      document.body.appendChild(dialog);
      dialog.querySelector(".reauth-login").textContent = user;
      dialog.querySelector("#reauth-cancel").addEventListener("click", function () { dialog.close(); });
    }
    var err = dialog.querySelector("#reauth-err"), pw = dialog.querySelector("#reauth-pw");
    err.textContent = "";
    pw.value = "";
    dialog.querySelector("form").onsubmit = function (e) {
      e.preventDefault();
      err.textContent = "";
      var body = new URLSearchParams({ login: user, password: pw.value, next: location.pathname });
      fetch(paths.login, { method: "POST", body: body, credentials: "same-origin", redirect: "manual" }).then(function (r) {
        if (r.type === "opaqueredirect" || r.status === 303) return session();
        if (r.status === 429) throw new Error("Đăng nhập sai nhiều lần. Xin đợi ít phút rồi thử lại.");
        if (r.status === 503) throw new Error("Máy chủ đang bận. Xin thử lại sau vài giây.");
        throw new Error("Mật khẩu không đúng. Xin nhập lại.");
      }).then(function (s) {
        if (!s || !s.signed_in) throw new Error("Chưa đăng nhập được. Xin thử lại.");
        setCSRF(s.csrf);
        dialog.close();
        send(f, submitter);
      }).catch(function (e2) {
        err.textContent = e2 && e2.message && e2.message.indexOf(" ") > 0 ? e2.message : "Không kết nối được với máy chủ. Nội dung vẫn được giữ; xin thử lại khi có mạng.";
        pw.focus();
      });
    };
    if (dialog.showModal) dialog.showModal(); else dialog.setAttribute("open", "");
    pw.focus();
  }

  // A broken link.
  var waiting = null; // a form whose draft is to be saved when the link is back
  function offline(f, submitter) {
    keep(f);
    var draft = submitter && submitter.value === "draft";
    if (draft) waiting = f;
    bar(f, "warn", draft
      ? "Không có kết nối mạng: chưa lưu được. Nội dung bạn nhập vẫn được giữ trên máy này và sẽ tự lưu nháp khi có mạng trở lại."
      : "Không có kết nối mạng: chưa gửi được. Nội dung bạn nhập vẫn được giữ trên máy này; khi có mạng trở lại, xin bấm gửi lại.");
  }
  window.addEventListener("offline", function () {
    forms.forEach(function (f) { keep(f); });
    forms.filter(function (f) { return dirty.indexOf(f) >= 0; }).forEach(function (f) {
      bar(f, "warn", "Không có kết nối mạng. Bạn vẫn nhập tiếp được: nội dung được giữ trên máy này cho đến khi lưu được lên hệ thống.");
    });
    var cf = document.getElementById("cf-form");
    if (cf && dirty.indexOf(cf) >= 0 && cf.querySelector("#cf-draft")) waiting = cf;
  });
  window.addEventListener("online", function () {
    var f = waiting;
    waiting = null;
    forms.forEach(function (g) {
      var b = g.querySelector(":scope > .keep-bar.warn");
      if (b) {
        b.className = "keep-bar notice";
        b.textContent = "Đã có mạng trở lại." + (g === f ? " Đang lưu nháp…" : " Nội dung bạn nhập vẫn còn; bấm nút để lưu hoặc gửi.");
      }
    });
    // The draft goes through the same check of the session as a click.
    if (f && f.requestSubmit) f.requestSubmit(f.querySelector("#cf-draft"));
  });

  document.addEventListener("submit", function (e) {
    var f = e.target;
    if (!guarded(f)) return;
    if (f.getAttribute("data-keep-go") === "1") { f.removeAttribute("data-keep-go"); return; }
    e.preventDefault();
    e.stopImmediatePropagation();
    var submitter = e.submitter;
    keep(f);
    if (navigator.onLine === false) { offline(f, submitter); return; }
    session().then(function (s) {
      if (s.signed_in) { setCSRF(s.csrf); send(f, submitter); }
      else askPassword(f, submitter);
    }, function () { offline(f, submitter); });
  }, true);

  // A click that destroys something asks first.
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("[data-confirm]");
    if (b && !window.confirm(b.getAttribute("data-confirm"))) e.preventDefault();
  });
})();
