/* Analyse: paste text or read a text file, set the publication date, code it with POST
   /api/extract and show the article view at once. */
"use strict";
(function () {
  const form = document.getElementById("analyse-form");
  const text = document.getElementById("analyse-text");
  const file = document.getElementById("analyse-file");
  const error = document.getElementById("analyse-error");
  const status = document.getElementById("analyse-status");
  const result = document.getElementById("analyse-result");
  const button = document.getElementById("analyse-submit");
  const maxText = Number(form.dataset.maxText), maxUpload = Number(form.dataset.maxUpload);

  function fail(message) {
    error.textContent = message;
    error.hidden = false;
    status.textContent = "";
  }

  file.addEventListener("change", () => {
    error.hidden = true;
    const chosen = file.files[0];
    if (!chosen) return;
    if (chosen.size > maxUpload) {
      fail(`${chosen.name} is ${Math.round(chosen.size / 1000)} kB: files up to ${Math.round(maxUpload / 1000)} kB can be analysed.`);
      file.value = "";
      return;
    }
    chosen.text().then((content) => {
      text.value = content;
      const title = document.getElementById("analyse-title");
      if (!title.value) title.value = chosen.name.replace(/\.[^.]+$/, "");
    });
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.hidden = true;
    if (!text.value.trim()) return fail("Paste an article or choose a text file first.");
    if (text.value.length > maxText) return fail(`The text has ${text.value.length.toLocaleString()} characters: at most ${maxText.toLocaleString()} can be analysed.`);
    const store = document.getElementById("analyse-store");
    const body = {
      text: text.value,
      published: document.getElementById("analyse-published").value || null,
      title: document.getElementById("analyse-title").value || null,
      outlet: document.getElementById("analyse-outlet").value || null,
      store: Boolean(store && store.checked),
    };
    button.disabled = true;
    status.textContent = "Coding… (the first article also loads the language model)";
    try {
      const response = await fetch("/api/extract", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
      const answer = await response.json().catch(() => ({detail: response.statusText}));
      if (!response.ok) return fail(typeof answer.detail === "string" ? answer.detail : "The server refused the article.");
      const record = answer.record;
      document.getElementById("result-title").textContent = (record.title || "Result") + (answer.stored ? ` (stored: ${answer.stored})` : "");
      result.hidden = false;
      dyad.showArticle({record}, result);
      status.textContent = `${record.events.length} events, ${record.actors.length} actors, ${record.times.length} times, ${record.quotes.length} quotes; dates anchored on ${record.published || "no publication date"}.`;
      result.scrollIntoView({behavior: "smooth", block: "start"});
    } catch (reason) {
      fail("The server could not be reached: " + reason);
    } finally {
      button.disabled = false;
    }
  });
})();
