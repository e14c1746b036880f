// The commune's report form: lists that grow and shrink, "Không có" (0)
// beside a count, a warning before leaving with unsaved changes, one
// submission per click, and the check while typing. The check holds no
// rule of the report: it sends the form to the server, which runs the
// API's own validator (a dry run) and answers with the messages and the
// inputs they belong to.
(function () {
  "use strict";
  var form = document.getElementById("cf-form");
  if (!form || form.classList.contains("cf-readonly")) return;

  // A form filled from a document is not saved yet.
  var dirty = form.getAttribute("data-dirty") === "1", submitting = false;
  var checkURL = form.getAttribute("data-check");
  var timer = null, seq = 0, ctrl = null;

  function markDirty() { dirty = true; }

  // Lists: add from the <template>, remove an entry.
  function renumber(root, index) {
    var attrs = ["id", "name", "for", "aria-describedby", "data-none", "aria-label"];
    root.querySelectorAll("*").forEach(function (el) {
      attrs.forEach(function (a) {
        var v = el.getAttribute(a);
        if (v && v.indexOf("__i__") >= 0) el.setAttribute(a, v.split("__i__").join(String(index)));
      });
    });
    if (root.id) root.id = root.id.split("__i__").join(String(index));
    root.setAttribute("data-index", String(index));
  }
  function updateCount(list) {
    var c = list.querySelector(".cf-count");
    if (c) c.textContent = "(" + list.querySelectorAll(".cf-entries > li").length + ")";
  }
  form.querySelectorAll(".cf-list").forEach(function (list) {
    var add = list.querySelector("[data-add]");
    if (add) add.hidden = false;
  });
  form.addEventListener("click", function (e) {
    var t = e.target;
    if (t.closest && t.closest("[data-add]")) {
      var list = t.closest(".cf-list");
      var tpl = list.querySelector("template.cf-new");
      var next = parseInt(list.getAttribute("data-next"), 10) || 0;
      var frag = tpl.content.cloneNode(true);
      var li = frag.querySelector("li");
      renumber(li, next);
      list.setAttribute("data-next", String(next + 1));
      list.querySelector(".cf-entries").appendChild(frag);
      updateCount(list);
      var first = li.querySelector("input, textarea, select");
      if (first) first.focus();
      markDirty();
      return;
    }
    if (t.closest && t.closest("[data-remove]")) {
      var entry = t.closest("li.cf-entry");
      var owner = t.closest(".cf-list");
      entry.parentNode.removeChild(entry);
      updateCount(owner);
      var addBtn = owner.querySelector("[data-add]");
      if (addBtn) addBtn.focus();
      markDirty();
      scheduleCheck();
      return;
    }
    var none = t.closest && t.closest("[data-none]");
    if (none) {
      var input = document.getElementById(none.getAttribute("data-none"));
      if (input) {
        input.value = "0";
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.focus();
      }
    }
  });

  // "0" is "Không có"; an empty number is "chưa có số liệu".
  function zeroState(input) {
    var w = input.closest(".cf-field");
    if (!w || !w.querySelector(".cf-num")) return;
    var v = input.value.trim().toLowerCase();
    w.classList.toggle("is-zero", v === "0" || v === "không có" || v === "không");
  }

  form.addEventListener("input", function (e) {
    markDirty();
    zeroState(e.target);
    scheduleCheck();
  });
  form.addEventListener("change", function () { markDirty(); scheduleCheck(); });

  window.addEventListener("beforeunload", function (e) {
    if (dirty && !submitting) {
      e.preventDefault();
      e.returnValue = "";
    }
  });

  // One submission per click: the buttons are disabled once the form is
  // on its way (the server's Idempotency-Key makes a second one harmless
  // anyway).
  form.addEventListener("submit", function (e) {
    if (submitting) { e.preventDefault(); return; }
    submitting = true;
    var action = document.createElement("input");
    action.type = "hidden";
    action.name = "action";
    action.value = (e.submitter && e.submitter.value) || "submit";
    form.appendChild(action);
    setTimeout(function () {
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
      var c = document.getElementById("cf-check");
      if (c) c.textContent = action.value === "draft" ? "Đang lưu bản nháp…" : "Đang gửi báo cáo…";
    }, 0);
  });

  // The check while typing.
  function scheduleCheck() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(check, 600);
  }

  function clearMessages() {
    form.querySelectorAll(".msg.err, .msg.warn").forEach(function (m) { m.parentNode.removeChild(m); });
    form.querySelectorAll(".has-err, .has-warn").forEach(function (el) { el.classList.remove("has-err", "has-warn"); });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
  }

  function place(m, warn) {
    var el = null;
    for (var i = 0; i < m.targets.length && !el; i++) el = document.getElementById(m.targets[i]);
    if (!el) return null;
    var p = document.createElement("p");
    p.className = "msg " + (warn ? "warn" : "err");
    if (warn) {
      var sr = document.createElement("span");
      sr.className = "sr";
      sr.textContent = "Cảnh báo: ";
      p.appendChild(sr);
    }
    p.appendChild(document.createTextNode(m.message));
    var box = document.getElementById(el.id + "-m");
    if (box) {
      box.appendChild(p);
      var w = document.getElementById(el.id + "-w");
      if (w) w.classList.add(warn ? "has-warn" : "has-err");
      if (!warn) el.setAttribute("aria-invalid", "true");
    } else {
      var head = el.querySelector("h3, legend");
      if (head && head.parentNode === el) head.insertAdjacentElement("afterend", p);
      else el.insertBefore(p, el.firstChild);
      el.classList.add(warn ? "has-warn" : "has-err");
    }
    return el;
  }

  function summary(ans) {
    var box = document.getElementById("cf-summary");
    var list = document.getElementById("cf-summary-list");
    var h = box.querySelector("h2");
    list.textContent = "";
    function add(m, warn) {
      var li = document.createElement("li");
      li.className = warn ? "warn" : "err";
      var el = null;
      for (var i = 0; i < m.targets.length && !el; i++) el = document.getElementById(m.targets[i]);
      if (el) {
        var a = document.createElement("a");
        a.href = "#" + el.id;
        a.textContent = m.label;
        li.appendChild(a);
      } else {
        li.appendChild(document.createTextNode(m.label));
      }
      li.appendChild(document.createTextNode(": " + m.message));
      list.appendChild(li);
    }
    ans.errors.forEach(function (m) { add(m, false); });
    ans.warnings.forEach(function (m) { add(m, true); });
    h.textContent = ans.summary;
    box.hidden = ans.errors.length + ans.warnings.length === 0;
    var c = document.getElementById("cf-check");
    if (c) c.textContent = ans.summary;
    var send = document.getElementById("cf-submit");
    if (send) send.setAttribute("aria-describedby", "cf-check");
    // The counts beside the table of contents.
    document.querySelectorAll(".cf-toc li").forEach(function (li) {
      var a = li.querySelector("a");
      var sec = a && document.getElementById(a.getAttribute("href").slice(1));
      li.querySelectorAll(".cnt").forEach(function (s) { s.parentNode.removeChild(s); });
      if (!sec) return;
      [["err", "lỗi"], ["warn", "cảnh báo"]].forEach(function (k) {
        var n = sec.querySelectorAll(".msg." + k[0]).length;
        if (n) {
          var s = document.createElement("span");
          s.className = "cnt " + k[0];
          s.title = k[1];
          s.textContent = String(n);
          li.appendChild(document.createTextNode(" "));
          li.appendChild(s);
        }
      });
    });
  }

  function check() {
    var my = ++seq;
    if (ctrl) ctrl.abort();
    ctrl = typeof AbortController === "function" ? new AbortController() : null;
    var body = new URLSearchParams(new FormData(form));
    fetch(checkURL, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json" }, signal: ctrl ? ctrl.signal : undefined
    }).then(function (r) {
      if (r.status === 401) throw new Error("session");
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (ans) {
      if (my !== seq) return;
      clearMessages();
      ans.errors.forEach(function (m) { place(m, false); });
      ans.warnings.forEach(function (m) { place(m, true); });
      summary(ans);
      // Numbers shown back the way they were understood (1169 → 1.169,
      // "1,2 tỷ" → 1.200.000.000), except where the person is typing.
      Object.keys(ans.shown || {}).forEach(function (name) {
        var input = form.elements.namedItem(name);
        if (input && input !== document.activeElement && input.value !== ans.shown[name]) {
          input.value = ans.shown[name];
          zeroState(input);
        }
      });
      form.setAttribute("data-checked", String(my));
    }).catch(function (err) {
      if (err && err.name === "AbortError") return;
      var c = document.getElementById("cf-check");
      if (c) c.textContent = err && err.message === "session"
        ? "Phiên làm việc đã hết. Nội dung bạn nhập vẫn được giữ trên máy này; khi bấm Lưu nháp hoặc Gửi báo cáo, trang sẽ hỏi lại mật khẩu rồi lưu."
        : "Chưa kiểm tra được (mất kết nối?). Nội dung bạn nhập vẫn được giữ trên máy này.";
    });
  }

  form.addEventListener("focusout", function (e) {
    if (e.target.closest && e.target.closest(".cf-num")) scheduleCheck();
  });
  check();
})();
