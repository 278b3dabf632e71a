// The record collection (Discogs) as a cover grid: filters from `aime/collection/facets`, a typed
// search, sorts and shelves, all kept in the URL's query; pages load as the grid scrolls.
import { mdiArrowUp } from "@mdi/js";
import { html, nothing, type TemplateResult } from "lit";
import { state } from "lit/decorators.js";
import { fetchCollection, fetchCollectionFacets, type CollectionFacets, type CollectionRecord, type CollectionStats, type Facet } from "../../data/collection";
import { translatedError } from "../../data/errors";
import type { LiveEvent } from "../../data/subscription";
import "../../components/aime-cover";
import "../../components/aime-load-more";
import { AimeView, LOADING, type Load } from "../../components/aime-view";
import { sharedStyles } from "../../components/styles";
import { define } from "../../define";
import { LatestOnly } from "../../latest-only";
import { formatNumber } from "../../i18n";
import { albumPath, artistPath, followLink } from "../../navigate";
import { collectionStyles } from "./collection-styles";
import {
  DESCENDING_FIRST,
  NO_FILTERS,
  SHELVES,
  SORTS,
  filtersFromQuery,
  narrowed,
  writeFilters,
  type Filters,
  type Sort,
} from "./collection-filters";
import { counted, formatName, playsText, readQuery } from "../shared/music-format";

const PAGE_SIZE = 48;
interface Listing {
  records: CollectionRecord[];
  total: number;
  page: number;
}

export class AimeCollectionView extends AimeView {
  @state() private filters: Filters = NO_FILTERS;
  @state() private listing: Load<Listing> = LOADING;
  @state() private stats?: CollectionStats;
  @state() private facets: Load<CollectionFacets> = LOADING;
  /** A new first page is on its way: the grid shown is dimmed until it lands. */
  @state() private refreshing = false;
  @state() private loadingMore = false;
  @state() private moreError = "";

  /** Counts first-page requests; an answer to an older one is dropped. */
  private request = 0;
  private readonly search = new LatestOnly();
  private started = false;

  static styles = [sharedStyles, collectionStyles];

  connectedCallback(): void {
    super.connectedCallback();
    this.filters = filtersFromQuery(readQuery());
    if (this.hass) this.start();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.search.cancel();
    this.started = false;
  }

  protected shouldUpdate(changed: Map<string, unknown>): boolean {
    return !this.onlyStatesChanged(changed);
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    super.willUpdate(changed);
    if (changed.has("hass") && this.hass && this.isConnected && !this.started) this.start();
    else if (this.started && this.personChanged(changed)) this.loadFirstPage({ withStats: true });
  }

  private start(): void {
    this.started = true;
    this.loadFacets();
    this.loadFirstPage({ withStats: true });
  }

  protected onLiveEvent(event: LiveEvent): void {
    if (event.kind !== "collection") return;
    this.loadFacets(true);
    this.loadFirstPage({ withStats: true, quiet: true });
  }

  private loadFacets(quiet = false): void {
    this.load(() => fetchCollectionFacets(this.hass), (facets) => (this.facets = facets), quiet);
  }

  private query(page: number, withStats: boolean) {
    const { text, format, genre, style, decade, sort, descending, shelf } = this.filters;
    return {
      page,
      page_size: PAGE_SIZE,
      text: text.trim(),
      format,
      genre,
      style,
      decade: decade ? Number(decade) : undefined,
      shelf: shelf || undefined,
      sort,
      descending,
      with_stats: withStats,
      person: this.person,
    };
  }

  private async loadFirstPage({ withStats = false, quiet = false } = {}): Promise<void> {
    const request = ++this.request;
    this.loadingMore = false;
    this.moreError = "";
    if (this.listing.status === "ready") this.refreshing = true;
    else if (!quiet) this.listing = LOADING;
    try {
      const page = await fetchCollection(this.hass, this.query(0, withStats));
      if (request !== this.request) return;
      if (page.stats) this.stats = page.stats;
      this.listing = { status: "ready", value: { records: page.records, total: page.total, page: 0 } };
    } catch (error) {
      const message = await translatedError(this.hass, error);
      if (request !== this.request) return;
      this.listing = { status: "error", message };
    } finally {
      if (request === this.request) this.refreshing = false;
    }
  }

  private async loadNextPage(): Promise<void> {
    if (this.listing.status !== "ready" || this.loadingMore || this.refreshing) return;
    const { records, total, page } = this.listing.value;
    if (records.length >= total) return;
    const request = this.request;
    this.loadingMore = true;
    this.moreError = "";
    try {
      const next = await fetchCollection(this.hass, this.query(page + 1, false));
      if (request !== this.request || this.listing.status !== "ready") return;
      this.listing = {
        status: "ready",
        value: { records: [...records, ...next.records], total: next.total, page: page + 1 },
      };
    } catch (error) {
      const message = await translatedError(this.hass, error);
      if (request === this.request) this.moreError = message;
    } finally {
      if (request === this.request) this.loadingMore = false;
    }
  }

  /** Applies a change of filters: the URL first (so a reload or a shared link keeps them), then the grid. */
  private change(changes: Partial<Filters>, typed = false): void {
    this.filters = { ...this.filters, ...changes };
    writeFilters(this.filters);
    this.search.cancel();
    if (typed) {
      this.search.run(() => this.loadFirstPage());
    } else {
      this.loadFirstPage();
    }
  }

  /** Drops every filter; the order chosen stays. */
  private clearFilters(): void {
    this.change({ ...NO_FILTERS, sort: this.filters.sort, descending: this.filters.descending });
  }

  private get filtered(): boolean {
    return narrowed(this.filters);
  }

  render() {
    return html`
      <div class="layout" data-testid="view-collection">
        ${this.renderSummary()} ${this.renderFilters()}
        ${this.listing.status === "loading"
          ? this.renderSkeleton()
          : this.renderLoad(
              this.listing,
              (listing) => this.renderListing(listing),
              () => this.loadFirstPage({ withStats: !this.stats }),
            )}
      </div>
    `;
  }

  private renderSummary(): TemplateResult {
    const stats = this.stats;
    const figure = (value: string, label: string) =>
      html`<div class="figure"><span class="value">${value}</span><span class="label">${label}</span></div>`;
    const share = stats
      ? new Intl.NumberFormat(this.hass?.locale?.language ?? this.hass?.language, {
          style: "percent",
          maximumFractionDigits: 0,
        }).format(stats.played_share)
      : "–";
    return html`<section class="card summary" data-testid="collection-stats">
      <h2>${this.t("collection.title")}</h2>
      <div class="figures">
        ${figure(stats ? formatNumber(this.hass, stats.records) : "–", this.t("collection.stats.records"))}
        ${figure(share, this.t("collection.stats.played_share"))}
        ${figure(stats ? formatNumber(this.hass, stats.never_played) : "–", this.t("collection.stats.never_played"))}
      </div>
    </section>`;
  }

  private renderFilters(): TemplateResult {
    const facets = this.facets.status === "ready" ? this.facets.value : undefined;
    const { filters } = this;
    const select = (
      name: "format" | "genre" | "style" | "decade",
      options: Facet[] | undefined,
      label: (value: string) => string,
    ) => {
      const current = filters[name];
      const values = options ?? [];
      // A value from the URL that the facets do not list (yet) stays selectable.
      const listed = !current || values.some((option) => option.value === current);
      return html`<label class="field">
        <span class="field-label">${this.t(`collection.${name}`)}</span>
        <select
          data-testid="collection-${name}"
          ?disabled=${!options?.length}
          @change=${(event: Event) => this.change({ [name]: (event.target as HTMLSelectElement).value })}
        >
          <option value="" ?selected=${!current}>${this.t("collection.any")}</option>
          ${listed ? nothing : html`<option value=${current} selected>${label(current)}</option>`}
          ${values.map(
            (option) =>
              html`<option value=${option.value} ?selected=${option.value === current}>
                ${this.t("collection.option_count", {
                  name: label(option.value),
                  count: formatNumber(this.hass, option.records),
                })}
              </option>`,
          )}
        </select>
      </label>`;
    };
    const same = (value: string) => value;
    return html`<section class="card filters" aria-label=${this.t("collection.search")}>
      <div class="filter-row">
        <label class="field search">
          <span class="field-label">${this.t("collection.search")}</span>
          <input
            type="search"
            data-testid="collection-search"
            placeholder=${this.t("collection.search_placeholder")}
            .value=${filters.text}
            @input=${(event: Event) => this.change({ text: (event.target as HTMLInputElement).value }, true)}
          />
        </label>
        ${select("format", facets?.formats, (value) => formatName(this.hass, value))}
        ${select("genre", facets?.genres, same)} ${select("style", facets?.styles, same)}
        ${select("decade", facets?.decades, (value) => this.t("collection.decade_value", { decade: value }))}
      </div>
      <div class="filter-row second">
        <div class="shelves" role="group" aria-label=${this.t("collection.shelves")}>
        ${SHELVES.map(
          ({ shelf, testid }) =>
            html`<button
              class="chip"
              data-testid=${testid}
              aria-pressed=${filters.shelf === shelf ? "true" : "false"}
              @click=${() => this.change({ shelf: filters.shelf === shelf ? "" : shelf })}
            >
              ${this.t(`collection.shelf.${shelf}`)}
            </button>`,
        )}
        ${this.filtered
          ? html`<button class="chip clear" data-testid="collection-clear" @click=${() => this.clearFilters()}>
              ${this.t("collection.clear")}
            </button>`
          : nothing}
        </div>
        <div class="sort-field">
          <label class="sort-label" for="sort">${this.t("collection.sort")}</label>
          <div class="sort">
            <select
              id="sort"
              data-testid="collection-sort"
              @change=${(event: Event) => {
                const sort = (event.target as HTMLSelectElement).value as Sort;
                this.change({ sort, descending: DESCENDING_FIRST.has(sort) });
              }}
            >
              ${SORTS.map(
                (sort) =>
                  html`<option value=${sort} ?selected=${sort === filters.sort}>
                    ${this.t(`collection.sort.${sort}`)}
                  </option>`,
              )}
            </select>
            <button
              class="direction"
              data-testid="collection-direction"
              aria-pressed=${filters.descending ? "true" : "false"}
              title=${this.t(filters.descending ? "collection.descending" : "collection.ascending")}
              aria-label=${this.t(filters.descending ? "collection.descending" : "collection.ascending")}
              @click=${() => this.change({ descending: !filters.descending })}
            >
              <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" class=${filters.descending ? "down" : ""}>
                <path fill="currentColor" d=${mdiArrowUp} />
              </svg>
            </button>
          </div>
        </div>
      </div>
      ${this.facets.status === "error"
        ? html`<p class="muted error" role="alert">${this.t("collection.facets_error", { message: this.facets.message })}</p>`
        : nothing}
    </section>`;
  }

  private renderSkeleton(): TemplateResult {
    return html`<div role="status" data-testid="loading">
      <span class="visually-hidden">${this.t("common.loading")}</span>
      <ul class="covers" aria-hidden="true">
        ${Array.from({ length: 12 }, () => html`<li class="record skeleton"><div class="block placeholder"></div><div class="line placeholder"></div><div class="line short placeholder"></div></li>`)}
      </ul>
    </div>`;
  }

  private renderListing({ records, total }: Listing): TemplateResult {
    const totalText = counted(this.hass, "collection.total", total);
    const header = html`<div class="result-line" aria-live="polite">
      <span data-testid="collection-total" data-total=${total}>${totalText}</span>
      ${records.length < total
        ? html`<span class="muted">${this.t("collection.total_of", {
            shown: formatNumber(this.hass, records.length),
            total: formatNumber(this.hass, total),
          })}</span>`
        : nothing}
    </div>`;
    if (!records.length) {
      return html`${header}
        <div class="card empty" data-testid="collection-empty">
          <p>${this.t(this.filtered ? "collection.no_match" : "collection.empty")}</p>
          ${this.filtered
            ? html`<button @click=${() => this.clearFilters()}>${this.t("collection.clear")}</button>`
            : nothing}
        </div>`;
    }
    return html`${header}
      <ul class="covers" aria-busy=${this.refreshing ? "true" : "false"} ?data-refreshing=${this.refreshing}>
        ${records.map((record) => this.renderRecord(record))}
      </ul>
      ${this.moreError
        ? html`<div class="state error" role="alert">
            ${this.t("common.error", { message: this.moreError })}
            <button @click=${() => this.loadNextPage()}>${this.t("common.retry")}</button>
          </div>`
        : html`<aime-load-more
            .more=${records.length < total}
            .busy=${this.loadingMore || this.refreshing}
            .label=${this.t("collection.more")}
            @aime-load-more=${() => this.loadNextPage()}
          ></aime-load-more>`}`;
  }

  private renderRecord(record: CollectionRecord): TemplateResult {
    const details = [record.year ? String(record.year) : "", formatName(this.hass, record.format)].filter(Boolean);
    return html`<li class="record" data-testid="collection-record" data-album-id=${record.album_id}>
      <a class="album-link" href=${albumPath(record.album_id)} @click=${followLink}>
        <aime-cover fluid .src=${record.cover ?? null} label=""></aime-cover>
        <span class="title two-lines" dir="auto" title=${record.title}>${record.title}</span>
      </a>
      ${record.artist_id
        ? html`<a class="artist ellipsis" dir="auto" title=${record.artist} href=${artistPath(record.artist_id)} @click=${followLink}
            >${record.artist}</a
          >`
        : html`<span class="artist ellipsis" dir="auto" title=${record.artist}>${record.artist}</span>`}
      <span class="details ellipsis">${details.join(" · ")}</span>
      <span class="plays ${record.plays ? "" : "never"}">
        ${record.plays ? playsText(this.hass, record.plays) : this.t("collection.never_played")}
      </span>
    </li>`;
  }
}

define("aime-collection", AimeCollectionView);
