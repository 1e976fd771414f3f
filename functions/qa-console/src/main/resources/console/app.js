// The QA console: plain DOM, no framework, no third-party code. Every piece of data is put on the page as a
// text node (el() / textContent), never as HTML, so a transcript's "<script>" is just text; control and
// direction characters are shown as visible [U+XXXX] marks (visible()), so they cannot reorder or hide text.
"use strict";
(function () {
  const T = window.KEFU_I18N;
  const state = { lang: localStorage.getItem("kefu.lang") || (navigator.language.startsWith("zh") ? "zh-CN" : "en"),
    session: null, queue: [], selected: 0, cursor: null, filters: {} };
  const main = document.getElementById("main");

  function t(key) { return (T[state.lang] && T[state.lang][key]) || T.en[key] || key; }

  // C0/C1 controls (ESC, NUL, ...) and bidi controls (LRM/RLM, LRE..RLO, LRI..PDI, ALM): visible, never applied.
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
  function visible(s) {
    return String(s).replace(CONTROL, c => "[U+" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0") + "]");
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on")) e.addEventListener(k.substring(2), v);
      else if (k === "text") e.textContent = visible(v);
      else e.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.appendChild(c instanceof Node ? c : document.createTextNode(visible(c)));
    }
    return e;
  }

  function show(...nodes) { main.replaceChildren(...nodes); }

  function time(iso) {
    if (!iso) return "";
    const zone = state.session ? state.session.zone : "Asia/Shanghai";
    return new Intl.DateTimeFormat(state.lang, { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hour12: false }).format(new Date(iso));
  }

  function dayInZone(date) {
    const zone = state.session ? state.session.zone : "Asia/Shanghai";
    return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
  }

  // ---------------------------------------------------------------- sign-in: an ID token in sessionStorage
  function takeTokenFromUrl() {
    if (location.hash.startsWith("#id_token=")) {
      const p = new URLSearchParams(location.hash.substring(1));
      sessionStorage.setItem("kefu.token", p.get("id_token"));
      history.replaceState(null, "", location.pathname + "#/");
    }
  }

  async function signInScreen(message) {
    sessionStorage.removeItem("kefu.token");
    const config = await (await fetch("/config.json")).json();
    const sep = config.signInUrl.includes("?") ? "&" : "?";
    const href = config.signInUrl + sep + "redirect_uri=" + encodeURIComponent(location.origin + "/");
    show(el("div", { class: "signin" }, el("p", { class: message ? "error" : "" }, message || t("signInPrompt")),
      el("p", {}, el("a", { id: "sign-in", href: href }, t("signIn")))));
  }

  async function api(path, options) {
    const token = sessionStorage.getItem("kefu.token");
    const headers = { "Authorization": "Bearer " + token };
    if (options && options.body) headers["Content-Type"] = "application/json";
    const res = await fetch(path, Object.assign({}, options || {}, { headers: headers }));
    const data = await res.json().catch(() => ({}));
    if (res.status === 401) { await signInScreen(data.message || null); throw new Error("unauthorized"); }
    return { status: res.status, data: data };
  }

  function errorBox(r) {
    return el("p", { class: "error", id: "error" }, (r.status === 403 ? t("forbidden") : r.status === 404 ? t("notFound") : "")
      + " " + r.status + ": " + (r.data.message || r.data.error || ""));
  }

  // ---------------------------------------------------------------- layout
  function chrome() {
    const s = state.session;
    const nav = document.getElementById("nav");
    nav.replaceChildren(el("a", { href: "#/" }, s.role === "agent" ? t("myChats") : t("queue")), el("a", { href: "#/report", id: "nav-report" }, t("report")));
    document.getElementById("who").textContent = visible(s.username + " · " + s.role + (s.agentId ? " · " + s.agentId : "")
      + (s.teams.length ? " · " + s.teams.join(", ") : "") + " · " + s.zone);
    document.getElementById("title").textContent = t("title");
    document.getElementById("keys").textContent = t("keys") + " · " + t("times") + " (" + s.zone + ")";
    const out = document.getElementById("sign-out");
    out.hidden = false;
    out.textContent = t("signOut");
  }

  // ---------------------------------------------------------------- home: what needs me now + the queue
  async function home() {
    const inbox = await api("/api/inbox");
    const kpis = el("section", { class: "kpis", id: "inbox" });
    if (inbox.status === 200) {
      for (const [status, n] of Object.entries(inbox.data.counts)) {
        kpis.appendChild(el("a", { class: "kpi" + (n > 0 && status !== "REVIEWED" ? " hot" : ""), href: "#/", "data-status": status,
          onclick: ev => { ev.preventDefault(); state.filters = Object.assign({}, state.filters, { status: status }); loadQueue(true); } },
          el("b", {}, String(n)), t(status)));
      }
      if (inbox.data.oldestOpenClosedAt) kpis.appendChild(el("div", { class: "kpi" }, el("b", {}, time(inbox.data.oldestOpenClosedAt)), t("oldestOpen")));
    }
    const s = state.session;
    if (s.role === "agent") {
      // An agent's own numbers first: average, pass rate and the rules they fail most (last 30 days).
      const mine = await api("/api/report");
      if (mine.status === 200) {
        const k = mine.data.summary;
        kpis.prepend(el("div", { class: "kpi", id: "my-average" }, el("b", {}, String(k.averageScore)), t("myAverage")),
          el("div", { class: "kpi" }, el("b", {}, k.passRate + "%"), t("passRate")));
        const failing = mine.data.ruleFailures.filter(x => x.failed > 0).slice(0, 5);
        kpis.appendChild(el("div", { class: "kpi", id: "my-failed-rules" }, el("b", {}, failing.map(x => x.ruleId + " " + x.failureRate + "%").join(", ") || t("none")), t("failedRules")));
      }
    }
    const f = state.filters;
    const form = el("form", { class: "filters", id: "filters", onsubmit: ev => { ev.preventDefault(); readFilters(form); loadQueue(true); } },
      el("label", {}, t("status"), el("select", { name: "status" },
        el("option", { value: "" }, s.role === "agent" ? t("all") : t("allQueue")),
        ["NEEDS_REVIEW", "DISPUTED", "FAIL", "REVIEWED", "PASS"].map(x => el("option", { value: x, selected: f.status === x }, t(x))))),
      s.role === "agent" ? null : el("label", {}, t("agent"), el("input", { name: "agent", size: 10, value: f.agent || "" })),
      s.role === "agent" ? null : el("label", {}, t("team"), el("select", { name: "team" }, el("option", { value: "" }, t("all")),
        s.teams.map(x => el("option", { value: x, selected: f.team === x }, x)))),
      el("label", {}, t("rule"), el("input", { name: "rule", size: 12, value: f.rule || "" })),
      el("label", {}, t("minScore"), el("input", { name: "min", type: "number", min: 0, max: 100, value: f.min || "" })),
      el("label", {}, t("maxScore"), el("input", { name: "max", type: "number", min: 0, max: 100, value: f.max || "" })),
      el("label", {}, t("from"), el("input", { name: "from", type: "date", value: f.from || "" })),
      el("label", {}, t("to"), el("input", { name: "to", type: "date", value: f.to || "" })),
      el("button", { type: "submit" }, t("apply")));
    show(el("h2", {}, s.role === "agent" ? t("myChats") : t("needsYou")), kpis, form,
      el("table", { id: "queue" }, el("thead", {}, el("tr", {}, [t("closed"), t("chat"), t("agent"), t("team"), t("score"), t("status"), t("failedRules")].map(h => el("th", {}, h)))),
        el("tbody", {})),
      el("p", {}, el("button", { id: "more", type: "button", hidden: true, onclick: () => loadQueue(false) }, t("more"))));
    await loadQueue(true);
  }

  function readFilters(form) {
    const f = {};
    for (const [k, v] of new FormData(form).entries()) if (v) f[k] = v;
    state.filters = f;
  }

  async function loadQueue(fresh) {
    if (fresh) { state.queue = []; state.cursor = null; state.selected = 0; }
    const q = new URLSearchParams(state.filters);
    q.set("limit", "25");
    if (state.cursor) q.set("cursor", state.cursor);
    const r = await api("/api/scores?" + q.toString());
    const body = document.querySelector("#queue tbody");
    if (!body) return;
    if (r.status !== 200) { body.replaceChildren(el("tr", {}, el("td", { colspan: 7 }, errorBox(r)))); return; }
    state.queue = state.queue.concat(r.data.items.map(v => v.transcriptId));
    state.cursor = r.data.cursor;
    sessionStorage.setItem("kefu.queue", JSON.stringify(state.queue));
    if (fresh) body.replaceChildren();
    for (const v of r.data.items) {
      body.appendChild(el("tr", { "data-id": v.transcriptId },
        el("td", {}, time(v.closedAt)),
        el("td", {}, el("a", { href: "#/chat/" + encodeURIComponent(v.transcriptId) }, v.transcriptId)),
        el("td", {}, v.agentId), el("td", {}, v.team),
        el("td", {}, String(v.reviewedScore !== null && v.reviewedScore !== undefined ? v.reviewedScore : v.autoScore)),
        el("td", { class: "status-" + v.status }, t(v.status)),
        el("td", {}, v.failedRules.join(", ") || t("none"))));
    }
    if (state.queue.length === 0) body.replaceChildren(el("tr", {}, el("td", { colspan: 7, class: "muted" }, t("empty"))));
    document.getElementById("more").hidden = !state.cursor;
    select(state.selected);
  }

  function select(i) {
    const rows = document.querySelectorAll("#queue tbody tr[data-id]");
    if (!rows.length) return;
    state.selected = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((r, n) => r.classList.toggle("selected", n === state.selected));
  }

  // ---------------------------------------------------------------- chat view
  async function chat(id) {
    const r = await api("/api/chats/" + encodeURIComponent(id));
    if (r.status !== 200) { show(el("p", {}, el("a", { href: "#/" }, t("back"))), errorBox(r)); return; }
    const c = r.data;
    const s = c.score;
    const findingsAt = {};
    const whole = [];
    for (const f of c.findings) {
      if (f.messageIndex === null || f.messageIndex === undefined) whole.push(f);
      else (findingsAt[f.messageIndex] = findingsAt[f.messageIndex] || []).push(f);
    }
    const messages = el("section", { id: "messages" }, c.messages.map(m => el("div", { class: "msg " + m.role, "data-index": m.index },
      el("div", { class: "meta" }, "[" + m.index + "] " + m.role + (m.agentId ? " " + m.agentId : "") + " · " + time(m.ts)),
      el("div", { class: "text", dir: "auto" }, highlighted(m.text, findingsAt[m.index] || [])),
      (findingsAt[m.index] || []).filter(f => f.outcome !== "NOT_APPLICABLE").map(finding))));
    const head = el("section", { id: "chat-head" },
      el("h2", {}, s.transcriptId),
      el("p", {}, [t("agent") + " " + s.agentId, t("team") + " " + s.team, s.channel, t("closed") + " " + time(s.closedAt)].join(" · ")),
      el("div", { class: "kpis" },
        el("div", { class: "kpi" }, el("b", { id: "score-in-force" }, String(s.reviewedScore !== null && s.reviewedScore !== undefined ? s.reviewedScore : s.autoScore)), t("score")),
        el("div", { class: "kpi" }, el("b", {}, String(s.autoScore)), t("autoScore")),
        el("div", { class: "kpi" }, el("b", { id: "status", class: "status-" + s.status }, t(s.status)), t("status")),
        el("div", { class: "kpi" }, el("b", { id: "rulebook" }, s.rulebookId + "@" + s.rulebookVersion), t("rulebook")),
        s.complaintType && s.complaintType !== "NONE" ? el("div", { class: "kpi" }, el("b", {}, s.complaintType + "/" + s.complaintSeverity), t("complaint")) : null));
    const side = el("aside", {}, actions(c), trail(c),
      el("h3", {}, t("versions")), el("ul", {}, c.versions.map(v => el("li", {}, v.rulebook + " · " + v.score + " · " + t(v.status) + " · " + (v.inForce ? t("inForce") : t("superseded"))))),
      el("h3", {}, t("followUps")), el("ul", { id: "follow-ups" }, c.followUps.length ? c.followUps.map(f => el("li", {},
        f.url ? el("a", { href: f.url, rel: "noopener noreferrer" }, f.followUpId) : f.followUpId, " · [" + f.messageIndex + "] · " + time(f.dueBy))) : el("li", { class: "muted" }, t("none"))));
    show(el("p", {}, el("a", { href: "#/", id: "back" }, t("back"))), head,
      el("div", { class: "cols" }, el("div", {}, messages, whole.length ? el("section", {}, el("h3", {}, t("wholeChat")), whole.map(finding)) : null), side));
  }

  // Evidence is the matched (redacted) text; mark its first occurrence in the message, as text nodes.
  function highlighted(text, findings) {
    const ranges = [];
    for (const f of findings) {
      if (!f.evidence || f.outcome === "NOT_APPLICABLE") continue;
      const at = text.indexOf(f.evidence);
      if (at >= 0 && !ranges.some(r => at < r[1] && at + f.evidence.length > r[0])) ranges.push([at, at + f.evidence.length, f.ruleId]);
    }
    ranges.sort((a, b) => a[0] - b[0]);
    const out = [];
    let pos = 0;
    for (const [a, b, rule] of ranges) {
      out.push(text.substring(pos, a), el("mark", { title: rule, "data-rule": rule }, text.substring(a, b)));
      pos = b;
    }
    out.push(text.substring(pos));
    return out;
  }

  function finding(f) {
    const mark = f.outcome === "FAIL" ? "✗" : f.outcome === "PASS" ? "✓" : "i";
    return el("div", { class: "finding " + f.outcome, "data-rule": f.ruleId },
      mark + " " + f.ruleId + (f.redLine ? " RED-LINE" : "") + (f.outcome === "PASS" || f.outcome === "FAIL" ? " " + f.points + "/" + f.weight : "") + " · " + (f.reason || ""));
  }

  function trail(c) {
    const rows = c.reviews.map(r => el("tr", {}, el("td", {}, time(r.at)), el("td", {}, r.action), el("td", {}, r.actor),
      el("td", {}, r.oldScore + " → " + r.newScore), el("td", {}, r.reason || ""), el("td", {}, (r.overturnedRules || []).join(", "))));
    return el("section", { id: "trail" }, el("h3", {}, t("trail")), rows.length ? el("table", {}, el("tbody", {}, rows)) : el("p", { class: "muted" }, t("none")),
      !c.lastReviewApplied ? el("p", { class: "error" }, t("notApplied")) : null);
  }

  function ruleChecks(failed) {
    return el("fieldset", {}, el("legend", {}, t("overturned")), failed.map(rule => el("label", {},
      el("input", { type: "checkbox", name: "overturned", value: rule }), rule + " ")));
  }

  function actions(c) {
    const s = c.score;
    const id = s.transcriptId;
    const role = state.session.role;
    if (role === "manager") return el("p", { class: "muted" }, t("readOnly"));
    if (role === "agent") {
      if (!c.mayDispute) return el("p", { class: "muted", id: "no-dispute" }, t("noDispute"));
      const form = el("form", { class: "panel", id: "dispute-form", onsubmit: ev => { ev.preventDefault();
        write(id, "dispute", { reason: form.reason.value }); } },
        el("h3", {}, t("dispute")), el("p", { class: "muted" }, t("disputeUntil") + " " + time(c.disputeUntil)),
        el("textarea", { name: "reason", "aria-label": t("reason"), placeholder: t("reason"), required: true }),
        el("button", { type: "submit" }, t("submit")));
      return form;
    }
    if (!c.mayReview) return el("p", { class: "muted" }, t("forbidden"));
    if (s.status === "DISPUTED") {
      const form = el("form", { class: "panel", id: "resolve-form", onsubmit: ev => { ev.preventDefault();
        write(id, "resolve", { outcome: form.outcome.value, score: form.score.value === "" ? null : Number(form.score.value),
          reason: form.reason.value, overturnedRules: checked(form) }); } },
        el("h3", {}, t("resolve")),
        el("label", {}, el("input", { type: "radio", name: "outcome", value: "REJECT", checked: true }), t("reject")), " ",
        el("label", {}, el("input", { type: "radio", name: "outcome", value: "UPHOLD" }), t("uphold")), " ",
        el("label", {}, t("newScore") + " ", el("input", { type: "number", name: "score", min: 0, max: 100 })),
        ruleChecks(s.failedRules),
        el("textarea", { name: "reason", placeholder: t("reason"), required: true }),
        el("button", { type: "submit" }, t("submit")));
      return form;
    }
    const form = el("form", { class: "panel", id: "override-form", onsubmit: ev => { ev.preventDefault();
      write(id, "review", { action: "OVERRIDE", score: form.score.value === "" ? null : Number(form.score.value),
        reason: form.reason.value, overturnedRules: checked(form) }); } },
      el("h3", {}, t("override")),
      el("label", {}, t("newScore") + " ", el("input", { type: "number", name: "score", id: "override-score", min: 0, max: 100, required: true })),
      ruleChecks(s.failedRules),
      el("textarea", { name: "reason", placeholder: t("reason"), required: true }),
      el("button", { type: "submit" }, t("submit")));
    return el("div", {}, el("p", {}, el("button", { type: "button", id: "accept", onclick: () => write(id, "review", { action: "ACCEPT" }) }, t("accept"))), form);
  }

  function checked(form) { return Array.from(form.querySelectorAll("input[name=overturned]:checked")).map(x => x.value); }

  async function write(id, action, body) {
    const r = await api("/api/chats/" + encodeURIComponent(id) + "/" + action, { method: "POST", body: JSON.stringify(body) });
    if (r.status !== 200) { const old = document.getElementById("error"); if (old) old.remove(); main.prepend(errorBox(r)); return; }
    await chat(id);
    main.prepend(el("p", { id: "done", class: "muted" }, t("done") + ": " + r.data.action + " " + r.data.fromStatus + " → " + r.data.toStatus));
  }

  function neighbour(id, step) {
    const q = JSON.parse(sessionStorage.getItem("kefu.queue") || "[]");
    const i = q.indexOf(id);
    return i >= 0 && q[i + step] ? q[i + step] : null;
  }

  // ---------------------------------------------------------------- report: the QaReport numbers as SVG bars
  async function report() {
    const q = new URLSearchParams(location.hash.split("?")[1] || "");
    const to = q.get("to") || dayInZone(new Date());
    const from = q.get("from") || dayInZone(new Date(Date.now() - 29 * 86400000));
    const form = el("form", { class: "filters", onsubmit: ev => { ev.preventDefault();
      location.hash = "#/report?from=" + form.from.value + "&to=" + form.to.value; } },
      el("label", {}, t("from"), el("input", { type: "date", name: "from", value: from })),
      el("label", {}, t("to"), el("input", { type: "date", name: "to", value: to })),
      el("button", { type: "submit" }, t("apply")));
    const r = await api("/api/report?from=" + from + "&to=" + to);
    if (r.status !== 200) { show(form, errorBox(r)); return; }
    const d = r.data;
    const k = d.summary;
    show(el("h2", {}, t("report")), form,
      el("section", { class: "kpis", id: "report-kpis" }, [[t("chats"), k.scores], [state.session.role === "agent" ? t("myAverage") : t("average"), k.averageScore],
        [t("passRate"), k.passRate + "%"], [t("reviewed"), k.reviewed], [t("overridden"), k.overridden], [t("backlog"), k.openBacklog]]
        .map(([label, v]) => el("div", { class: "kpi" }, el("b", {}, String(v)), label))),
      chart("distribution", t("distribution"), d.distribution.map(b => [b.label, b.count, b.label < "60"])),
      chart("weekly", t("weekly"), d.weeklyTrend.map(w => [w.week, w.averageScore, w.averageScore < 60])),
      chart("leaderboard", t("leaderboard"), d.leaderboard.map(a => [a.agentId + " (" + a.scores + ")", a.averageScore, a.averageScore < 60])),
      chart("rules", t("ruleRate"), d.ruleFailures.map(x => [x.ruleId, x.failureRate, x.failureRate >= 50])),
      chart("backlog", t("backlogAge"), d.backlogByAge.map(b => [b.label, b.count, b.label !== "0-1d" && b.count > 0])),
      chart("complaints", t("complaints"), d.complaints.map(c => [c.type, c.count, false])),
      d.notes.length ? el("ul", { class: "muted" }, d.notes.map(n => el("li", {}, n))) : null);
  }

  const SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = visible(text);
    return e;
  }

  // Horizontal bars, one row per value: label, bar, number (numbers are also in data-value for tests).
  function chart(id, title, rows) {
    const max = Math.max(1, ...rows.map(r => r[1]));
    const height = 20 * rows.length + 10;
    const s = svg("svg", { width: 640, height: height, viewBox: "0 0 640 " + height, role: "img", "aria-label": title });
    rows.forEach(([label, value, warn], i) => {
      const y = 5 + i * 20;
      s.appendChild(svg("text", { x: 0, y: y + 13 }, label));
      s.appendChild(svg("rect", { class: "bar" + (warn ? " warn" : ""), x: 200, y: y + 2, height: 14, width: Math.max(1, 380 * value / max), "data-value": value }));
      s.appendChild(svg("text", { x: 205 + 380 * value / max, y: y + 13 }, String(value)));
    });
    return el("section", { class: "chart", id: "chart-" + id }, el("h3", {}, title), rows.length ? s : el("p", { class: "muted" }, t("none")));
  }

  // ---------------------------------------------------------------- routing and keys
  async function route() {
    const h = location.hash || "#/";
    if (h.startsWith("#/chat/")) await chat(decodeURIComponent(h.substring(7)));
    else if (h.startsWith("#/report")) await report();
    else await home();
  }

  document.addEventListener("keydown", ev => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || /INPUT|TEXTAREA|SELECT/.test(document.activeElement.tagName)) return;
    const h = location.hash || "#/";
    if (h.startsWith("#/chat/")) {
      const id = decodeURIComponent(h.substring(7));
      if (ev.key === "n" || ev.key === "p") { const next = neighbour(id, ev.key === "n" ? 1 : -1); if (next) location.hash = "#/chat/" + encodeURIComponent(next); }
      else if (ev.key === "a") { const b = document.getElementById("accept"); if (b) b.click(); }
      else if (ev.key === "o") { const i = document.getElementById("override-score"); if (i) { ev.preventDefault(); i.focus(); } }
      else if (ev.key === "q" || ev.key === "Escape") location.hash = "#/";
    } else if (h === "#/" || h === "#") {
      if (ev.key === "j") select(state.selected + 1);
      else if (ev.key === "k") select(state.selected - 1);
      else if (ev.key === "Enter" || ev.key === "n") {
        const row = document.querySelectorAll("#queue tbody tr[data-id]")[ev.key === "n" ? state.selected + 1 : state.selected];
        if (row) location.hash = "#/chat/" + encodeURIComponent(row.getAttribute("data-id"));
      }
    }
  });

  async function start() {
    const lang = document.getElementById("lang");
    lang.value = state.lang;
    document.documentElement.lang = state.lang;
    lang.addEventListener("change", () => { localStorage.setItem("kefu.lang", lang.value); location.reload(); });
    document.getElementById("sign-out").addEventListener("click", () => { sessionStorage.clear(); signInScreen(null); });
    takeTokenFromUrl();
    if (!sessionStorage.getItem("kefu.token")) { await signInScreen(null); return; }
    const r = await api("/api/session");
    if (r.status !== 200) { show(errorBox(r)); return; }
    state.session = r.data;
    chrome();
    window.addEventListener("hashchange", route);
    await route();
  }

  start();
})();
