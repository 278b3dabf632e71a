// The journal: every play, newest first, by local day; text search and filters kept in the URL
// query; pages fetched as the end of the list scrolls into view; live plays prepended.
import { mdiClose, mdiHeart, mdiMagnify } from "@mdi/js";
import { html, nothing } from "lit";
import { state } from "lit/decorators.js";
import { guard } from "lit/directives/guard.js";
import { keyed } from "lit/directives/keyed.js";
import { live } from "lit/directives/live.js";
import { repeat } from "lit/directives/repeat.js";
import type { HistoryFilter, JournalEntry, Source } from "../../data/journal";
import type { LiveEvent } from "../../data/subscription";
import { AimeView } from "../../components/aime-view";
import "../../components/aime-cover";
import "../../components/aime-date-input";
import type { AimeDateInput } from "../../components/aime-date-input";
import { sharedStyles } from "../../components/styles";
import { addDays, isIsoDay, todayIso } from "../../dates";
import { define } from "../../define";
import { LatestOnly } from "../../latest-only";
import { formatDay, formatNumber } from "../../i18n";
import { navigate } from "../../navigate";
import { JournalFeed, isBadRange } from "./journal-feed";
import { journalRow } from "./journal-row";
import { journalStyles } from "./journal-styles";
import {
  SOURCES,
  filterFromQuery,
  hasFilter,
  isJournalPath,
  journalUrl,
  sameFilter,
  withoutEmpty,
} from "./journal-filter";
import { playStyles, sourceLabel } from "../shared/play-parts";

// The store finds a text of three letters or more through an index (trigrams); a shorter one is
// searched for by reading every name, for an answer that is seldom the one wanted.
const INDEXED_TEXT_LENGTH = 3;
const SHORT_TEXT_DELAY_MS = 300;

export class AimeJournalView extends AimeView {
  static styles = [sharedStyles, playStyles, journalStyles];

  @state() private filter: HistoryFilter = {};
  private readonly feed = new JournalFeed(this, () => this.hass);
  private started = false;
  private readonly names = new Map<string, string>();
  private readonly text = new LatestOnly();
  private observer?: IntersectionObserver;
  private observed?: Element;

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener("location-changed", this.onLocationChanged);
    window.addEventListener("popstate", this.onLocationChanged);
    this.filter = filterFromQuery(location.search);
    if (this.started) void this.feed.reload(this.scoped(this.filter));
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener("location-changed", this.onLocationChanged);
    window.removeEventListener("popstate", this.onLocationChanged);
    this.text.cancel();
    this.observer?.disconnect();
    this.observer = this.observed = undefined;
  }

  protected shouldUpdate(changed: Map<string, unknown>): boolean {
    return !this.onlyStatesChanged(changed);
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    super.willUpdate(changed);
    if (!this.started && this.hass) {
      this.started = true;
      void this.feed.reload(this.scoped(this.filter));
    } else if (this.started && this.personChanged(changed)) {
      void this.feed.reload(this.scoped(this.filter));
    }
  }

  protected updated(): void {
    // The sentinel is a new element after each page, so observing it asks again whether it shows.
    const sentinel = this.renderRoot.querySelector(".sentinel") ?? undefined;
    if (sentinel === this.observed) return;
    if (this.observed) this.observer?.unobserve(this.observed);
    this.observed = sentinel;
    if (!sentinel) return;
    this.observer ??= new IntersectionObserver(
      (seen) => {
        if (seen.some((entry) => entry.isIntersecting)) void this.feed.loadMore();
      },
      { rootMargin: "600px 0px" },
    );
    this.observer.observe(sentinel);
  }

  protected onLiveEvent(event: LiveEvent): void {
    this.feed.onLiveEvent(event);
  }

  // --- filters ----------------------------------------------------------------------------

  /** The filters with the person chosen in the panel's header (kept in the URL by navigation). */
  private scoped(filter: HistoryFilter): HistoryFilter {
    return this.person ? { ...filter, person: this.person } : filter;
  }

  private onLocationChanged = (): void => {
    if (!isJournalPath(location.pathname)) return;
    const filter = filterFromQuery(location.search);
    if (sameFilter(filter, this.filter)) return;
    this.text.cancel();
    this.filter = filter;
    void this.feed.reload(this.scoped(filter));
  };

  /** Shows the plays of `change` applied; resolves once they are shown. */
  private setFilter(change: Partial<HistoryFilter>, replace = false): Promise<void> {
    this.text.cancel();
    const filter = withoutEmpty({ ...this.filter, ...change });
    if (sameFilter(filter, this.filter)) return Promise.resolve();
    this.filter = filter;
    navigate(journalUrl(filter), replace);
    return this.feed.reload(this.scoped(filter));
  }

  private onText(event: Event): void {
    const text = (event.target as HTMLInputElement).value.trim();
    // One or two letters match most names and are read without an index: wait for the next ones.
    const delay = text.length > 0 && text.length < INDEXED_TEXT_LENGTH ? SHORT_TEXT_DELAY_MS : 0;
    this.text.run(() => this.setFilter({ text }, true), delay);
  }

  private onTextKey(event: KeyboardEvent): void {
    if (event.key === "Enter") this.setFilter({ text: (event.target as HTMLInputElement).value.trim() }, true);
  }

  private onDay(side: "first_day" | "last_day", event: Event): void {
    const value = (event.target as AimeDateInput).value;
    if (value === "" || isIsoDay(value)) this.setFilter({ [side]: value || undefined });
  }

  private clearFilters(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>("[data-testid=journal-search]");
    if (input) input.value = "";
    this.setFilter({
      text: undefined,
      artist_id: undefined,
      album_id: undefined,
      source: undefined,
      loved: undefined,
      first_day: undefined,
      last_day: undefined,
    });
  }

  // --- rendering --------------------------------------------------------------------------

  render() {
    return html`
      <h2 class="visually-hidden">${this.t("panel.nav.journal")}</h2>
      ${this.renderFilters()} ${this.renderSummary()}
      <div
        class="list ${this.feed.refreshing ? "refreshing" : ""}"
        data-testid="journal-list"
        aria-busy=${this.feed.refreshing || this.feed.status === "loading" ? "true" : "false"}
      >
        ${this.renderBody()}
      </div>
    `;
  }

  private renderFilters() {
    const filter = this.filter;
    const today = todayIso(this.hass);
    return html`<div class="card filters" role="search">
      <label class="search">
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${mdiMagnify} /></svg>
        <span class="visually-hidden">${this.t("journal.search_label")}</span>
        <input
          type="search"
          data-testid="journal-search"
          placeholder=${this.t("journal.search_placeholder")}
          .value=${filter.text ?? ""}
          maxlength="200"
          autocomplete="off"
          @input=${this.onText}
          @keydown=${this.onTextKey}
        />
      </label>
      <label class="field">
        <span class="visually-hidden">${this.t("journal.source_label")}</span>
        <select
          data-testid="journal-source"
          aria-label=${this.t("journal.source_label")}
          @change=${(event: Event) =>
            this.setFilter({ source: ((event.target as HTMLSelectElement).value || undefined) as Source | undefined })}
        >
          <option value="" .selected=${live(!filter.source)}>${this.t("journal.source_any")}</option>
          ${SOURCES.map(
            (source) =>
              html`<option value=${source} .selected=${live(filter.source === source)}>${sourceLabel(this.hass, source)}</option>`,
          )}
        </select>
      </label>
      <button
        class="toggle"
        data-testid="journal-loved"
        aria-pressed=${filter.loved ? "true" : "false"}
        @click=${() => this.setFilter({ loved: filter.loved ? undefined : true })}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${mdiHeart} /></svg>
        ${this.t("journal.loved_only")}
      </button>
      <div class="days">
        <label class="field"
          >${this.t("common.from")}
          <aime-date-input
            data-testid="journal-first-day"
            .hass=${this.hass}
            label=${this.t("common.from")}
            .value=${live(filter.first_day ?? "")}
            max=${filter.last_day ?? today}
            @change=${(event: Event) => this.onDay("first_day", event)}
          ></aime-date-input
        ></label>
        <label class="field"
          >${this.t("common.to")}
          <aime-date-input
            data-testid="journal-last-day"
            .hass=${this.hass}
            label=${this.t("common.to")}
            .value=${live(filter.last_day ?? "")}
            min=${filter.first_day ?? ""}
            max=${today}
            @change=${(event: Event) => this.onDay("last_day", event)}
          ></aime-date-input
        ></label>
      </div>
    </div>`;
  }

  private renderSummary() {
    const filter = this.filter;
    const chips = [
      filter.artist_id !== undefined
        ? this.chip("artist", this.nameOf("artist", filter.artist_id), { artist_id: undefined })
        : nothing,
      filter.album_id !== undefined
        ? this.chip("album", this.nameOf("album", filter.album_id), { album_id: undefined })
        : nothing,
    ];
    const shown = this.feed.entries.length;
    const total =
      this.feed.status !== "ready"
        ? ""
        : shown >= this.feed.total
          ? this.t(this.feed.total === 1 ? "journal.total_one" : "journal.total_all", { total: formatNumber(this.hass, this.feed.total) })
          : this.t("journal.total", { shown: formatNumber(this.hass, shown), total: formatNumber(this.hass, this.feed.total) });
    return html`<div class="summary">
      ${chips}
      ${hasFilter(filter)
        ? html`<button class="link" data-testid="journal-clear" @click=${this.clearFilters}>${this.t("journal.clear")}</button>`
        : nothing}
      <span class="total muted" data-testid="journal-total" data-total=${this.feed.total} role="status">${total}</span>
    </div>`;
  }

  /** The name of a chip's artist or album: from the rows, else as last seen (a search may empty them). */
  private nameOf(kind: "artist" | "album", id: number): string {
    const entry = this.feed.entries.find((play) => (kind === "artist" ? play.artist_id : play.album_id) === id);
    if (entry) this.names.set(`${kind}:${id}`, kind === "artist" ? entry.artist : entry.album);
    return this.names.get(`${kind}:${id}`) ?? this.t("journal.unknown_name", { id });
  }

  private chip(kind: "artist" | "album", name: string, removal: Partial<HistoryFilter>) {
    return html`<span class="chip" data-testid="journal-chip-${kind}">
      <span class="ellipsis" dir="auto" title=${name}>${this.t(`journal.chip.${kind}`, { name })}</span>
      <button
        class="icon"
        data-testid="journal-chip-remove"
        aria-label=${this.t("journal.chip.remove", { name })}
        title=${this.t("journal.chip.remove", { name })}
        @click=${() => this.setFilter(removal)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${mdiClose} /></svg>
      </button>
    </span>`;
  }

  private renderBody() {
    if (this.feed.status === "loading") return this.renderSkeleton();
    if (this.feed.status === "error") {
      return html`<div class="card state error" role="alert" data-testid="error">
        <p>${this.t("common.error", { message: this.feed.error })}</p>
        <button @click=${() => void this.feed.reload(this.scoped(this.filter))}>${this.t("common.retry")}</button>
      </div>`;
    }
    if (isBadRange(this.filter)) {
      return html`<div class="card state error" role="alert" data-testid="journal-range-error">${this.t("journal.bad_range")}</div>`;
    }
    if (!this.feed.entries.length) {
      const filtered = hasFilter(this.filter);
      return html`<div class="card state empty" data-testid="journal-empty">
        <p>${this.t(filtered ? "journal.no_match" : "journal.empty")}</p>
        ${filtered ? html`<button @click=${this.clearFilters}>${this.t("journal.clear")}</button>` : nothing}
      </div>`;
    }
    return html`${repeat(
      this.groups(),
      ([day]) => day,
      ([day, entries]) => html`<section class="day" data-testid="journal-day" data-day=${day}>
        <h3>${this.dayTitle(day)}</h3>
        <ol class="card rows">
          ${repeat(entries, (entry) => entry.play_id, (entry) => this.guardedRow(entry))}
        </ol>
      </section>`,
    )}
    ${this.renderEnd()}`;
  }

  private groups(): [string, JournalEntry[]][] {
    const groups = new Map<string, JournalEntry[]>();
    for (const entry of this.feed.entries) {
      const day = entry.local_time.slice(0, 10);
      const group = groups.get(day);
      if (group) group.push(entry);
      else groups.set(day, [entry]);
    }
    return [...groups];
  }

  private dayTitle(day: string) {
    const today = todayIso(this.hass);
    const sameYear = day.slice(0, 4) === today.slice(0, 4);
    const date = formatDay(this.hass, day, {
      weekday: "long",
      day: "numeric",
      month: "long",
      ...(sameYear ? {} : { year: "numeric" }),
    });
    const relative = day === today ? "journal.today" : day === addDays(today, -1) ? "journal.yesterday" : "";
    if (!relative) return date;
    return html`${this.t(relative)} <span class="muted">${date}</span>`;
  }

  /** A row renders again only when its play, its highlight, or the language, zone or width change:
   * `hass` is new at every state change of Home Assistant, and re-rendering a long list whole made
   * frames of 50 ms and more while scrolling. */
  private guardedRow(entry: JournalEntry) {
    const fresh = this.feed.fresh.has(entry.play_id);
    const hass = this.hass;
    return guard([entry, fresh, this.narrow, hass.locale, hass.language, hass.config?.time_zone], () =>
      journalRow(entry, { hass, narrow: this.narrow, fresh, filter: this.onlyThis }),
    );
  }

  /** A row's "only this artist / album" button. */
  private onlyThis = (change: Partial<HistoryFilter>): void => {
    void this.setFilter(change);
    window.scrollTo({ top: 0 });
  };

  private renderEnd() {
    if (this.feed.moreError) {
      return html`<div class="end error" role="alert">
        ${this.t("journal.more_error", { message: this.feed.moreError })}
        <button @click=${() => void this.feed.loadMore()}>${this.t("common.retry")}</button>
      </div>`;
    }
    if (this.feed.exhausted) return nothing;
    return html`${keyed(this.feed.pages, html`<div class="sentinel" aria-hidden="true"></div>`)}
      <div class="end muted" role="status">
        ${this.feed.loadingMore ? this.t("journal.loading_more") : ""}
        <button class="link" ?hidden=${this.feed.loadingMore} @click=${() => void this.feed.loadMore()}>
          ${this.t("journal.load_more")}
        </button>
      </div>`;
  }

  private renderSkeleton() {
    return html`<div class="skeleton" data-testid="loading" role="status" aria-label=${this.t("common.loading")}>
      <div class="bar heading placeholder"></div>
      <div class="card rows">
        ${Array.from(
          { length: 8 },
          () => html`<div class="row">
            <div class="bar cover placeholder"></div>
            <div class="text"><div class="bar long placeholder"></div><div class="bar short placeholder"></div></div>
          </div>`,
        )}
      </div>
    </div>`;
  }
}

define("aime-journal", AimeJournalView);
