"""The in-page side of `scripts/bench-panel`: timing probes installed in every page it opens.

`PROBES_JS` defines ``window.__aimeBench`` before Home Assistant's own scripts run. Everything is
timed in the page (``performance.now()``, ``requestAnimationFrame``), never from Python: a probe
acts (clicks a link, types in a field) and polls once per frame until the view's final render.

A view's *final render*: its element is in the panel, shows no ``[data-testid=loading]`` marker
and no busy state, holds its content (rows, records, figures...) and, where it draws charts,
every chart has drawn its SVG. A filter change also waits for the content to differ from what
showed before it (a signature: total and first row), so a debounce is counted, not skipped.
The condition is checked in a frame's rAF callback, i.e. before that frame paints: the time
reported is the start of the frame that paints the final render. Cover images are not waited for.
"""

PROBES_JS = r"""
(() => {
  if (window.top !== window || window.__aimeBench) return;

  // The first element matching `selector` under `root`, piercing open shadow roots.
  const deepQuery = (root, selector) => {
    const found = root.querySelector(selector);
    if (found) return found;
    for (const element of root.querySelectorAll("*")) {
      if (element.shadowRoot) {
        const inner = deepQuery(element.shadowRoot, selector);
        if (inner) return inner;
      }
    }
    return null;
  };
  const deepQueryAll = (root, selector, out = []) => {
    out.push(...root.querySelectorAll(selector));
    for (const element of root.querySelectorAll("*")) {
      if (element.shadowRoot) deepQueryAll(element.shadowRoot, selector, out);
    }
    return out;
  };

  let panelCache = null;
  const panel = () => {
    if (!panelCache || !panelCache.isConnected) panelCache = deepQuery(document, "aime-panel");
    return panelCache;
  };
  const view = (name) => panel()?.shadowRoot?.querySelector(`aime-${name}`) ?? null;
  const testid = (root, id) => root.querySelector(`[data-testid="${id}"]`);

  const chartsDrawn = (root) =>
    [...root.querySelectorAll("aime-chart")].every(
      (chart) => chart.shadowRoot?.querySelector(".chart svg path") != null,
    );

  // Per view: "error", true (final render) or false (not yet). `deep`: look for loading
  // markers in nested elements too (not in the journal: 1,000 rows are too many to walk).
  const READY = {
    journal: (root) => {
      const list = testid(root, "journal-list");
      if (testid(root, "error")) return "error";
      if (testid(root, "loading") || list?.getAttribute("aria-busy") !== "false") return false;
      return Boolean(testid(root, "journal-row") || testid(root, "journal-empty"));
    },
    timeline: (root) =>
      testid(root, "error") ? "error"
        : Boolean(testid(root, "timeline-totals") || testid(root, "timeline-empty")),
    stats: (root) => {
      if (testid(root, "error")) return "error";
      if (root.querySelector(".updating, .content.busy")) return false;
      if (!testid(root, "view-stats")) return false;
      if (!(testid(root, "stats-series") || testid(root, "stats-empty"))) return false;
      // The comparison asks `aime/compare` once the period's figures are in: wait for it too.
      const compare = root.querySelector("aime-stats-compare")?.shadowRoot;
      if (compare?.querySelector('.state[role="status"]')) return false;
      return chartsDrawn(root);
    },
    collection: (root) => {
      if (testid(root, "error")) return "error";
      if (root.querySelector("ul.covers[data-refreshing]")) return false;
      // The filters' choices (`aime/collection/facets`) are part of the view: a collection
      // with records has formats, and the format select stays disabled until they are in.
      const total = testid(root, "collection-total");
      if (!total || (total.dataset.total !== "0" && testid(root, "collection-format")?.disabled)) {
        return false;
      }
      return Boolean(testid(root, "collection-record") || testid(root, "collection-empty"));
    },
    playlists: (root) =>
      testid(root, "error") ? "error"
        : Boolean(testid(root, "view-playlists") &&
          (testid(root, "playlist-row") || testid(root, "playlists-empty"))),
    album: (root) =>
      testid(root, "error") ? "error"
        : Boolean(testid(root, "album-title") && testid(root, "album-plays")),
    artist: (root) =>
      testid(root, "error") ? "error"
        : Boolean(testid(root, "artist-name")) && chartsDrawn(root),
  };
  const DEEP = new Set(["timeline", "stats", "collection", "playlists", "album", "artist"]);

  const readiness = (name) => {
    const element = view(name);
    const root = element?.shadowRoot;
    if (!root) return false;
    if (DEEP.has(name) && deepQuery(root, '[data-testid="loading"]')) return false;
    if (!DEEP.has(name) && testid(root, "loading")) return false;
    return READY[name](root);
  };

  // What a filter change must alter before its render counts as final.
  const SIGNATURE = {
    journal: (root) => [
      testid(root, "journal-total")?.dataset.total,
      testid(root, "journal-row")?.dataset.playId,
    ].join("|"),
    collection: (root) => [
      testid(root, "collection-total")?.dataset.total,
      testid(root, "collection-record")?.dataset.albumId,
    ].join("|"),
    stats: (root) => testid(root, "stats-range")?.textContent.trim() ?? "",
  };
  const signature = (name) => {
    const root = view(name)?.shadowRoot;
    return root ? SIGNATURE[name](root) : "";
  };

  // The element an action applies to: a nav link of the panel or a testid in a view.
  const target = ({ view: name, testid: id, nav }) => {
    if (nav) return testid(panel().shadowRoot, `nav-${nav}`);
    return deepQuery(view(name).shadowRoot, `[data-testid="${id}"]`);
  };
  const act = (action) => {
    const element = target(action);
    if (!element) throw new Error(`no element for ${JSON.stringify(action)}`);
    if (action.kind === "click") {
      element.click();
    } else if (action.kind === "input") {
      element.value = action.value;
      element.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
    } else if (action.kind === "select") {
      element.value = action.value;
      element.dispatchEvent(new Event("change", { bubbles: true, composed: true }));
    } else {
      throw new Error(`unknown action ${action.kind}`);
    }
  };

  // Poll once per frame until `done()` is true or "error"; resolve with the elapsed time.
  const untilFrame = (started, timeoutMs, done) =>
    new Promise((resolve) => {
      const tick = () => {
        const now = performance.now();
        let state;
        try {
          state = done();
        } catch (error) {
          state = false;
        }
        if (state === "error") return resolve({ error: "the view shows an error" });
        if (state === true) return resolve({ ms: now - started });
        if (now - started > timeoutMs) return resolve({ timeout: true, ms: now - started });
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });

  const measure = ({ action, view: name, change, timeoutMs }) => {
    const before = change ? signature(name) : null;
    const started = performance.now();
    act(action);
    return untilFrame(started, timeoutMs, () => {
      const state = readiness(name);
      if (state !== true) return state;
      return !change || signature(name) !== before;
    });
  };

  const settled = ({ view: name, timeoutMs }) =>
    untilFrame(performance.now(), timeoutMs, () => readiness(name));

  const options = ({ view: name, testid: id }) =>
    [...(deepQuery(view(name).shadowRoot, `[data-testid="${id}"]`)?.options ?? [])]
      .map((option) => option.value);

  const albumAndArtistLinks = () => {
    const row = testid(view("journal").shadowRoot, "journal-row");
    return { album: row.querySelector("a.album").getAttribute("href"),
             artist: row.querySelector("a.artist").getAttribute("href") };
  };
  const followHref = ({ href, view: name, timeoutMs }) => {
    const row = testid(view("journal").shadowRoot, "journal-row");
    const link = row.querySelector(`a[href="${href}"]`);
    const started = performance.now();
    link.click();
    return untilFrame(started, timeoutMs, () => readiness(name));
  };

  // The element that scrolls the journal: its nearest scrollable ancestor, across shadow roots.
  const scroller = (element) => {
    for (let node = element; node; node = node.parentNode ?? node.host) {
      if (node instanceof Element) {
        const overflow = getComputedStyle(node).overflowY;
        const scrolls = overflow === "auto" || overflow === "scroll";
        if (scrolls && node.scrollHeight > node.clientHeight) {
          return node;
        }
      }
    }
    return document.scrollingElement;
  };

  // Scroll the journal by `stepPx` a frame until `rows` rows are rendered; every frame's time.
  const scrollJournal = ({ rows: wanted, stepPx, timeoutMs }) => {
    const journal = view("journal");
    const root = journal.shadowRoot;
    const box = scroller(journal);
    const frames = [];
    let stalledFrames = 0;
    let longFramesWithNewRows = 0;
    let shownRows = root.querySelectorAll('[data-testid="journal-row"]').length;
    // Where each long frame went (Long Animation Frames): scripts, style and layout, the rest.
    const longFrames = [];
    const explain = (entries) => {
      for (const frame of entries) {
        const scripts = frame.scripts.reduce((sum, script) => sum + script.duration, 0);
        const layoutStart = frame.styleAndLayoutStart || frame.startTime + frame.duration;
        const top = [...frame.scripts].sort((a, b) => b.duration - a.duration)[0];
        const invoker = top ? `${top.invokerType} ${top.invoker} ${top.sourceFunctionName}` : "";
        longFrames.push({
          ms: Math.round(frame.duration),
          scripts_ms: Math.round(scripts),
          style_layout_ms: Math.round(frame.startTime + frame.duration - layoutStart),
          blocking_ms: Math.round(frame.blockingDuration),
          top_script: invoker.trim(),
        });
      }
    };
    const observer = new PerformanceObserver((list) => explain(list.getEntries()));
    try {
      observer.observe({ type: "long-animation-frame", buffered: false });
    } catch {
      // An older browser: the frames are still timed, not explained.
    }
    return new Promise((resolve) => {
      let started, last;
      const tick = (time) => {
        frames.push(time - last);
        const rows = root.querySelectorAll('[data-testid="journal-row"]').length;
        // A long frame in which a page of rows was added: the page's render made it long.
        if (time - last > 50 && rows !== shownRows) longFramesWithNewRows += 1;
        last = time;
        shownRows = rows;
        const elapsed = performance.now() - started;
        if (rows >= wanted || elapsed > timeoutMs) {
          explain(observer.takeRecords());
          observer.disconnect();
          return resolve({ frames, rows, ms: elapsed, stalledFrames, longFramesWithNewRows,
                           longFrames, timeout: rows < wanted,
                           scroller: box.tagName?.toLowerCase() ?? String(box) });
        }
        // At the bottom: the next page is not there yet, the user would wait.
        if (box.scrollTop + box.clientHeight >= box.scrollHeight - 2) stalledFrames += 1;
        box.scrollBy(0, stepPx);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame((time) => {
        started = performance.now();
        last = time;
        box.scrollBy(0, stepPx);
        requestAnimationFrame(tick);
      });
    });
  };

  // First render of the page: from navigation start, polled from the very first frame.
  const firstRender = { path: location.pathname };
  const watchFirstRender = () => {
    const tick = () => {
      const now = performance.now();
      const element = view("journal");
      if (element && firstRender.panel_ms === undefined) firstRender.panel_ms = now;
      const root = element?.shadowRoot;
      if (root && firstRender.skeleton_ms === undefined && testid(root, "loading")) {
        firstRender.skeleton_ms = now;
      }
      if (root && readiness("journal") === true) {
        firstRender.rows_ms = now;
        return;
      }
      if (now < 120000) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  if (location.pathname.startsWith("/aime/journal")) watchFirstRender();

  window.__aimeBench = {
    deepQuery, deepQueryAll, view, readiness, signature, measure, settled, options,
    albumAndArtistLinks, followHref, scrollJournal, firstRender,
  };
})();
"""
