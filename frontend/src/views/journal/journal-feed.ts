// The journal's plays for one set of filters: the first page, the next ones on demand, and the
// plays recorded live put in their place. Answers to an older filter are dropped (a counter).
import type { ReactiveController, ReactiveControllerHost } from "lit";
import { translatedError } from "../../data/errors";
import { fetchHistory, type HistoryFilter, type JournalEntry } from "../../data/journal";
import type { LiveEvent } from "../../data/subscription";
import type { HomeAssistant } from "../../types";
import { matchesFilter } from "./journal-filter";

export const PAGE_SIZE = 50;
const CATCH_UP_DELAY_MS = 1000;

const newer = (a: JournalEntry, b: JournalEntry): boolean =>
  a.played_at > b.played_at || (a.played_at === b.played_at && a.play_id > b.play_id);

export const isBadRange = (filter: HistoryFilter): boolean =>
  Boolean(filter.first_day && filter.last_day && filter.first_day > filter.last_day);

export class JournalFeed implements ReactiveController {
  entries: JournalEntry[] = [];
  total = 0;
  status: "loading" | "ready" | "error" = "loading";
  error = "";
  /** A new filter's first page is on its way: the old rows stay, dimmed. */
  refreshing = false;
  loadingMore = false;
  moreError = "";
  exhausted = false;
  /** Plays that arrived live, highlighted. */
  fresh: ReadonlySet<number> = new Set();
  /** Pages fetched so far: the end-of-list sentinel is renewed with it. */
  pages = 0;

  private filter: HistoryFilter = {};
  private request = 0;
  private catchUpTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly hass: () => HomeAssistant,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.catchUpTimer);
  }

  async reload(filter: HistoryFilter): Promise<void> {
    const request = ++this.request;
    this.filter = filter;
    this.loadingMore = false;
    this.moreError = "";
    if (isBadRange(filter)) {
      Object.assign(this, { entries: [], total: 0, status: "ready", exhausted: true, refreshing: false });
      return this.host.requestUpdate();
    }
    if (this.status === "ready" && this.entries.length) this.refreshing = true;
    else this.status = "loading";
    this.host.requestUpdate();
    try {
      const page = await fetchHistory(this.hass(), filter, 0, PAGE_SIZE);
      if (request !== this.request) return;
      Object.assign(this, { entries: page.entries, total: page.total, pages: 1, fresh: new Set(), status: "ready" });
      this.exhausted = page.entries.length < PAGE_SIZE || page.entries.length >= page.total;
    } catch (error) {
      const message = await translatedError(this.hass(), error);
      if (request !== this.request) return;
      Object.assign(this, { error: message, status: "error" });
    }
    this.refreshing = false;
    this.host.requestUpdate();
  }

  async loadMore(): Promise<void> {
    if (this.status !== "ready" || this.refreshing || this.loadingMore || this.exhausted) return;
    const request = this.request;
    this.loadingMore = true;
    this.moreError = "";
    this.host.requestUpdate();
    try {
      const page = await fetchHistory(this.hass(), this.filter, this.pages, PAGE_SIZE);
      if (request !== this.request) return;
      // Live plays shift the pages: the rows seen again are dropped, none is missed.
      const known = new Set(this.entries.map((entry) => entry.play_id));
      this.entries = [...this.entries, ...page.entries.filter((entry) => !known.has(entry.play_id))];
      this.total = Math.max(page.total, this.entries.length);
      this.pages += 1;
      this.exhausted = page.entries.length < PAGE_SIZE || this.entries.length >= this.total;
    } catch (error) {
      const message = await translatedError(this.hass(), error);
      if (request !== this.request) return;
      this.moreError = message;
    }
    this.loadingMore = false;
    this.host.requestUpdate();
  }

  onLiveEvent(event: LiveEvent): void {
    if (this.status !== "ready" || isBadRange(this.filter)) return;
    if (event.kind === "stats") {
      // A burst of plays (an import) comes as one "stats": ask the store what is new.
      clearTimeout(this.catchUpTimer);
      this.catchUpTimer = setTimeout(() => void this.catchUp(), CATCH_UP_DELAY_MS);
      return;
    }
    if (event.kind !== "play") return;
    const matches = matchesFilter(event.play, this.filter);
    if (matches === undefined) void this.catchUp();
    else if (matches) this.insert([event.play]);
  }

  /** Adds the newest matching plays the list lacks (a text search folds names as the store does). */
  private async catchUp(): Promise<void> {
    const request = this.request;
    try {
      const page = await fetchHistory(this.hass(), this.filter, 0, PAGE_SIZE);
      if (request === this.request && this.status === "ready") this.insert(page.entries, page.total);
    } catch {
      // The list stays as it is; the next event or filter change asks again.
    }
  }

  /** Puts plays in their place (newest first), updates those already shown, highlights the new. */
  private insert(plays: JournalEntry[], total?: number): void {
    const entries = [...this.entries];
    const added: number[] = [];
    for (const play of plays) {
      const index = entries.findIndex((entry) => entry.play_id === play.play_id);
      if (index >= 0) {
        entries[index] = { ...entries[index], ...play };
        continue;
      }
      const position = entries.findIndex((entry) => newer(play, entry));
      if (position === -1 && !this.exhausted) continue; // Older than the rows loaded: paging brings it.
      entries.splice(position === -1 ? entries.length : position, 0, play);
      added.push(play.play_id);
    }
    this.entries = entries;
    this.total = Math.max(total ?? this.total + added.length, entries.length);
    if (added.length) this.fresh = new Set([...this.fresh, ...added]);
    this.host.requestUpdate();
  }
}
