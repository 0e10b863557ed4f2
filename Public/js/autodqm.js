// AutoDQM pages: pickers fed by the JSON API with typing-to-filter, live job
// progress, and the plot page's "show all" toggle and filter box. No framework.
"use strict";

const $ = (id) => document.getElementById(id);

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function fillDatalist(list, values) {
  list.replaceChildren(...values.map((value) => new Option(value)));
}

// ---- Query form ----------------------------------------------------------
function setUpForm(form) {
  const source = $("source"), series = $("series"), sample = $("sample"), run = $("run");
  const refSeries = $("refSeries"), refSample = $("refSample"), refs = $("ref"), filter = $("ref-filter");
  const message = $("form-message");
  const query = (params) => new URLSearchParams({ source: source.value, ...params }).toString();
  const report = (error) => { message.textContent = error ? String(error.message || error) : ""; };

  async function loadSeries() {
    try { fillDatalist($("series-list"), (await getJSON("/api/series?" + query({}))).series); report(); }
    catch (error) { report(error); }
  }
  async function loadSamples(seriesValue, list) {
    if (!seriesValue) return;
    try { fillDatalist(list, (await getJSON("/api/samples?" + query({ series: seriesValue }))).samples); report(); }
    catch (error) { report(error); }
  }
  async function loadRuns(seriesValue, sampleValue) {
    if (!seriesValue || !sampleValue) return [];
    try {
      const runs = (await getJSON("/api/runs?" + query({ series: seriesValue, sample: sampleValue }))).runs;
      report();
      return runs;
    } catch (error) { report(error); return []; }
  }
  async function loadDataRuns() {
    const runs = await loadRuns(series.value, sample.value);
    fillDatalist($("run-list"), runs.map((entry) => String(entry.run)).reverse());
  }
  async function loadRefRuns() {
    const chosen = new Set(Array.from(refs.selectedOptions, (option) => option.value));
    const runs = await loadRuns(refSeries.value || series.value, refSample.value || sample.value);
    refs.replaceChildren(...runs.slice().reverse().map((entry) => {
      const option = new Option(entry.run + (entry.dataset ? "  (" + entry.dataset + ")" : ""), String(entry.run));
      option.selected = chosen.has(option.value);
      return option;
    }));
    applyFilter();
  }
  function applyFilter() {
    const text = filter.value.trim();
    for (const option of refs.options) {
      const hide = text !== "" && !option.textContent.includes(text) && !option.selected;
      option.hidden = hide;
      option.style.display = hide ? "none" : "";
    }
  }

  source.addEventListener("change", loadSeries);
  series.addEventListener("change", () => { loadSamples(series.value, $("sample-list")); loadDataRuns(); loadRefRuns(); });
  sample.addEventListener("change", () => { loadDataRuns(); loadRefRuns(); });
  refSeries.addEventListener("change", () => { loadSamples(refSeries.value, $("ref-sample-list")); loadRefRuns(); });
  refSample.addEventListener("change", loadRefRuns);
  filter.addEventListener("input", applyFilter);
  form.addEventListener("submit", (event) => {
    if (refs.selectedOptions.length === 0) { event.preventDefault(); report("choose at least one reference run"); }
  });
  loadSeries();
  if (series.value) loadSamples(series.value, $("sample-list"));
  if (series.value && sample.value) { loadDataRuns(); loadRefRuns(); }
}

// ---- Job page ------------------------------------------------------------
function megabytes(bytes) { return (bytes / 1e6).toFixed(1) + " MB"; }

function setUpJob(panel) {
  const status = $("job-status"), detail = $("job-detail"), bar = $("job-progress"), error = $("job-error");
  async function poll() {
    let job;
    try { job = await getJSON("/api/jobs/" + panel.dataset.job); }
    catch (failure) { detail.textContent = String(failure.message); setTimeout(poll, 2000); return; }
    status.textContent = job.status;
    const p = job.progress;
    if (job.status === "fetching") {
      detail.textContent = "fetched " + megabytes(p.bytes) + (p.total_bytes ? " of " + megabytes(p.total_bytes) : "")
        + " (" + p.files_fetched + "/" + p.files + " files)";
      bar.value = p.total_bytes ? p.bytes / p.total_bytes : 0;
    } else if (job.status === "comparing") {
      detail.textContent = p.histograms ? "compared " + p.compared + " of " + p.histograms + " histograms" : "reading the runs";
      bar.value = p.histograms ? p.compared / p.histograms : 0;
    } else if (job.status === "queued") {
      detail.textContent = "waiting for a worker";
    }
    if (job.status === "done") { bar.value = 1; window.location.replace(job.url); return; }
    if (job.status === "failed") { status.className = "status bad"; error.textContent = job.error; error.hidden = false; return; }
    setTimeout(poll, 500);
  }
  poll();
}

// ---- Plot page -----------------------------------------------------------
function setUpPlots(container) {
  const showAll = $("show-all"), filter = $("plot-filter"), count = $("plot-count");
  const sections = Array.from(container.querySelectorAll(".plot"));
  function apply() {
    const text = filter.value.trim().toLowerCase();
    let shown = 0;
    for (const section of sections) {
      const visible = (showAll.checked || section.dataset.display === "1")
        && (text === "" || section.dataset.path.toLowerCase().includes(text));
      section.hidden = !visible;
      if (visible) shown += 1;
    }
    count.textContent = shown + " shown";
  }
  showAll.addEventListener("change", apply);
  filter.addEventListener("input", apply);
  apply();
}

document.addEventListener("DOMContentLoaded", () => {
  if ($("query-form")) setUpForm($("query-form"));
  if ($("job")) setUpJob($("job"));
  if ($("plots")) setUpPlots($("plots"));
});
