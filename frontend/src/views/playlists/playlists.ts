// The Playlists view (/aime/playlists[/<id>]): the saved playlists, one opened with its tracks, and the
// form that generates a new one (shown at once as a preview). Live `playlists` events refresh the list.
import { mdiPlaylistMusic } from "@mdi/js";
import { css, html, nothing } from "lit";
import { state } from "lit/decorators.js";
import { fetchPlaylist, fetchPlaylists, type PlaylistSummary } from "../../data/playlists";
import type { LiveEvent } from "../../data/subscription";
import { AimeView, LOADING, type Load } from "../../components/aime-view";
import { sharedStyles } from "../../components/styles";
import { define } from "../../define";
import { formatDateTime, formatDuration, formatNumber } from "../../i18n";
import { followLink, navigate } from "../../navigate";
import "./playlist-detail";
import "./playlist-generator";
import { algorithmLabel, playlistsPath, type SavedPlaylist } from "./shared";

export class AimePlaylistsView extends AimeView {
  @state() private list: Load<PlaylistSummary[]> = LOADING;
  @state() private detail?: Load<SavedPlaylist>;
  @state() private generating = false;
  /** The playlist just generated: its tracks are shown as a preview. */
  @state() private previewId: number | null = null;
  private detailRequest = 0;
  /** The playlist id the detail was last opened for (undefined: none yet). */
  private openedId?: number | null;

  static styles = [
    sharedStyles,
    css`
      .layout {
        display: grid;
        gap: 16px;
        grid-template-columns: minmax(280px, 380px) minmax(0, 1fr);
        align-items: start;
      }
      .back {
        display: none;
      }
      /* Phones: one column; an opened playlist replaces the list, the form comes first. */
      .layout.narrow {
        grid-template-columns: minmax(0, 1fr);
      }
      .layout.narrow.selected .list-pane,
      .layout.narrow .hint-card {
        display: none;
      }
      .layout.narrow .detail-pane {
        order: -1;
      }
      .layout.narrow.selected .back {
        display: inline;
      }
      @media (max-width: 759px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
        .layout.selected .list-pane,
        .hint-card {
          display: none;
        }
        .detail-pane {
          order: -1;
        }
        .layout.selected .back {
          display: inline;
        }
      }
      .pane {
        display: flex;
        flex-direction: column;
        gap: 16px;
        min-width: 0;
      }
      .list-card {
        padding: 0;
        overflow: hidden;
      }
      .list-card > header {
        display: flex;
        align-items: center;
        gap: 8px;
        padding: 16px 16px 8px;
      }
      .list-card h2 {
        margin: 0;
        flex: 1;
      }
      ul.rows {
        list-style: none;
        margin: 0;
        padding: 0 0 8px;
      }
      a.row {
        display: grid;
        grid-template-columns: 40px minmax(0, 1fr) auto;
        gap: 12px;
        align-items: center;
        padding: 10px 16px;
        color: inherit;
        text-decoration: none;
        border-left: 3px solid transparent;
      }
      a.row:hover {
        background: var(--secondary-background-color, rgba(127, 127, 127, 0.08));
        text-decoration: none;
      }
      a.row[aria-current="page"] {
        background: rgba(var(--rgb-primary-color, 3, 169, 244), 0.12);
        border-left-color: var(--primary-color);
      }
      a.row:focus-visible {
        outline-offset: -2px;
      }
      .icon-disc {
        width: 40px;
        height: 40px;
        border-radius: 8px;
        display: flex;
        align-items: center;
        justify-content: center;
        background: rgba(var(--rgb-primary-color, 3, 169, 244), 0.15);
        color: var(--primary-color);
      }
      .icon-disc svg {
        width: 24px;
        height: 24px;
        fill: currentColor;
      }
      .name {
        font-weight: 500;
      }
      .figures {
        text-align: right;
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      .empty {
        padding: 24px 16px 32px;
        text-align: center;
        color: var(--secondary-text-color);
      }
      .empty p {
        margin: 0 0 12px;
      }
      .skeleton {
        display: grid;
        grid-template-columns: 40px 1fr;
        gap: 12px;
        padding: 10px 16px;
      }
      .skeleton span {
        display: block;
      }
      .skeleton .bar {
        height: 14px;
        margin: 4px 0;
      }
      a.back {
        align-self: flex-start;
      }
      .hint-card {
        text-align: center;
        color: var(--secondary-text-color);
        padding: 32px 16px;
      }
    `,
  ];

  private get selectedId(): number | null {
    const id = Number(this.params?.id);
    return Number.isInteger(id) && id > 0 ? id : null;
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    super.willUpdate(changed);
    if (changed.has("hass") && !changed.get("hass") && this.hass) this.loadList();
    // `hass` and `params` are new objects at every state change: only another id fetches.
    if (this.hass && this.selectedId !== this.openedId) this.openSelected();
  }

  private loadList(quiet = false) {
    return this.load(() => fetchPlaylists(this.hass).then((answer) => answer.playlists), (s) => (this.list = s), quiet);
  }

  /** Fetches the playlist of the route unless it is the one shown (a fresh preview, say). */
  private openSelected(quiet = false) {
    const id = this.selectedId;
    this.openedId = id;
    if (id === null) {
      this.detail = undefined;
      this.detailRequest++;
      return;
    }
    const shown = this.detail?.status === "ready" ? this.detail.value.id : undefined;
    if (shown === id && !quiet) return;
    if (id !== this.previewId) this.previewId = null;
    const request = ++this.detailRequest;
    // A newer request (another playlist opened meanwhile) wins: late answers are dropped.
    this.load(
      () => fetchPlaylist(this.hass, id) as Promise<SavedPlaylist>,
      (loaded) => {
        if (request === this.detailRequest) this.detail = loaded;
      },
      quiet,
    );
  }

  protected onLiveEvent(event: LiveEvent): void {
    if (event.kind !== "playlists") return;
    this.loadList(true);
    if (this.selectedId !== null) this.openSelected(true);
  }

  render() {
    const id = this.selectedId;
    const classes = `layout${this.narrow ? " narrow" : ""}${id === null ? "" : " selected"}`;
    return html`<div class=${classes} data-testid="view-playlists">
      <div class="pane list-pane">${this.renderList(id)}</div>
      <div class="pane detail-pane">
        <a class="back" href=${playlistsPath()} @click=${followLink} data-testid="playlist-back"
          >← ${this.t("playlists.all")}</a
        >
        ${this.renderGenerator()} ${this.renderDetail(id)}
      </div>
    </div>`;
  }

  private renderGenerator() {
    if (!this.generating) return nothing;
    return html`<aime-playlist-generator
      .hass=${this.hass}
      @playlist-generated=${this.onGenerated}
      @generate-cancelled=${() => (this.generating = false)}
    ></aime-playlist-generator>`;
  }

  private renderList(selected: number | null) {
    return html`<section class="card list-card" aria-labelledby="playlists-title">
      <header>
        <h2 id="playlists-title">${this.t("playlists.title")}</h2>
        <button
          class="primary"
          data-testid="playlist-generate"
          aria-expanded=${this.generating ? "true" : "false"}
          @click=${() => (this.generating = !this.generating)}
        >
          ${this.t("playlists.generate")}
        </button>
      </header>
      ${this.list.status === "loading"
        ? html`<div role="status" aria-label=${this.t("common.loading")} data-testid="loading">
            ${[0, 1, 2, 3].map(
              () => html`<div class="skeleton"><span class="placeholder" style="height:40px"></span><div><span class="bar placeholder" style="width:70%"></span><span class="bar placeholder" style="width:45%"></span></div></div>`,
            )}
          </div>`
        : this.renderLoad(this.list, (playlists) => this.renderRows(playlists, selected), () => this.loadList())}
    </section>`;
  }

  private renderRows(playlists: PlaylistSummary[], selected: number | null) {
    if (!playlists.length) {
      return html`<div class="empty" data-testid="playlists-empty">
        <p>${this.t("playlists.empty")}</p>
        ${this.generating
          ? nothing
          : html`<button class="primary" @click=${() => (this.generating = true)}>${this.t("playlists.generate_first")}</button>`}
      </div>`;
    }
    return html`<ul class="rows">
      ${playlists.map(
        (playlist) => html`<li>
          <a
            class="row"
            href=${playlistsPath(playlist.id)}
            data-testid="playlist-row"
            data-playlist-id=${playlist.id}
            aria-current=${playlist.id === selected ? "page" : "false"}
            @click=${followLink}
          >
            <span class="icon-disc" aria-hidden="true"><svg viewBox="0 0 24 24"><path d=${mdiPlaylistMusic} /></svg></span>
            <span class="ellipsis">
              <span class="name" dir="auto" title=${playlist.name}>${playlist.name}</span><br />
              <span class="muted"
                >${algorithmLabel(this.hass, playlist.algorithm)} ·
                ${formatDateTime(this.hass, playlist.created_at, { dateStyle: "medium" })}</span
              >
            </span>
            <span class="figures muted">
              ${this.t("playlists.track_count", { count: formatNumber(this.hass, playlist.track_count) })}<br />
              ${formatDuration(this.hass, playlist.total_duration)}
            </span>
          </a>
        </li>`,
      )}
    </ul>`;
  }

  private renderDetail(id: number | null) {
    if (id === null) {
      const empty = this.list.status === "ready" && !this.list.value.length;
      return empty || this.generating
        ? nothing
        : html`<div class="card hint-card" data-testid="playlist-hint">${this.t("playlists.choose")}</div>`;
    }
    if (!this.detail) return nothing;
    if (this.detail.status === "loading") {
      return html`<div class="card"><div class="state" role="status" data-testid="loading">${this.t("common.loading")}</div></div>`;
    }
    return html`${this.renderLoad(
      this.detail,
      (playlist) => html`<aime-playlist-detail
        .hass=${this.hass}
        .playlist=${playlist}
        ?preview=${playlist.id === this.previewId}
        @playlist-changed=${this.onChanged}
        @playlist-deleted=${this.onDeleted}
      ></aime-playlist-detail>`,
      () => this.openSelected(),
    )}`;
  }

  private onGenerated = (event: CustomEvent<SavedPlaylist>) => {
    const playlist = event.detail;
    this.generating = false;
    this.previewId = playlist.id;
    this.detail = { status: "ready", value: playlist };
    this.detailRequest++;
    this.loadList(true);
    if (playlist.id) navigate(playlistsPath(playlist.id));
  };

  private onChanged = (event: CustomEvent<SavedPlaylist>) => {
    this.detail = { status: "ready", value: event.detail };
    this.loadList(true);
  };

  private onDeleted = () => {
    this.detail = undefined;
    this.previewId = null;
    this.loadList(true);
    navigate(playlistsPath(), true);
  };
}

define("aime-playlists", AimePlaylistsView);
