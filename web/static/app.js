// doingoai: a little progressive enhancement. Every page works without it.
(function () {
  "use strict";
  // A select marked data-autosubmit submits its form when changed (the
  // form keeps its own button for keyboards and for browsers without JS).
  document.querySelectorAll("select[data-autosubmit]").forEach(function (s) {
    s.addEventListener("change", function () { s.form.submit(); });
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
