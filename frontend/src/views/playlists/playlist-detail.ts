// One playlist: what it is, its tracks, and what can be done with it (play in a zone, export,
// rename, delete). Renamed or deleted, it tells the view through `playlist-changed`/`playlist-deleted`.
import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { callAimeAction, isAdmin } from "../../data/commands";
import { translatedError } from "../../data/errors";
import "../../components/aime-zone-picker";
import { sharedStyles } from "../../components/styles";
import { define } from "../../define";
import { formatDateTime, formatDuration, formatNumber, localize, type Vars } from "../../i18n";
import { albumPath, artistPath, followLink } from "../../navigate";
import type { HomeAssistant } from "../../types";
import {
  EXPORT_FORMATS,
  LIMITS,
  algorithmLabel,
  playlistMediaId,
  trackLength,
  type SavedPlaylist,
} from "./shared";

type Outcome = { kind: "done" | "error"; text: string } | undefined;

/** A name linking to its page (when the answer has the id: an older hub's has none). */
const linked = (name: string, id: number | null | undefined, path: (id: number) => string) =>
  id === undefined || id === null ? name : html`<a class="muted" dir="auto" title=${name} href=${path(id)} @click=${followLink}>${name}</a>`;

export class AimePlaylistDetail extends LitElement {
  @property({ attribute: false }) hass!: HomeAssistant;
  @property({ attribute: false }) playlist!: SavedPlaylist;
  /** Freshly generated: its tracks are the preview of what was just made. */
  @property({ type: Boolean }) preview = false;
  @state() private mode: "view" | "rename" | "confirm-delete" = "view";
  @state() private busy = false;
  @state() private format: (typeof EXPORT_FORMATS)[number] = "m3u";
  @state() private exported: Outcome;
  @state() private changeError = "";
  @state() private newName = "";

  static styles = [
    sharedStyles,
    css`
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 12px;
        align-items: baseline;
        justify-content: space-between;
      }
      h2 {
        overflow-wrap: anywhere;
      }
      .badge {
        display: inline-block;
        padding: 2px 10px;
        border-radius: 12px;
        font-size: 0.8125rem;
        background: rgba(var(--rgb-primary-color, 3, 169, 244), 0.15);
        color: var(--primary-color);
        white-space: nowrap;
      }
      .facts {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 16px;
        margin: 4px 0 12px;
      }
      .actions {
        display: flex;
        flex-direction: column;
        gap: 12px;
        padding: 12px 0;
        border-top: 1px solid var(--divider-color, #e0e0e0);
        border-bottom: 1px solid var(--divider-color, #e0e0e0);
      }
      .action-row {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      .action-row > .label {
        min-width: 72px;
        color: var(--secondary-text-color);
        font-size: 0.875rem;
      }
      .spacer {
        flex: 1;
      }
      .danger {
        color: var(--error-color, #db4437);
      }
      button.danger-fill {
        background: var(--error-color, #db4437);
        border-color: var(--error-color, #db4437);
        color: #fff;
      }
      .confirm {
        padding: 12px;
        border-radius: 8px;
        border: 1px solid var(--error-color, #db4437);
      }
      .confirm p {
        margin: 0 0 8px;
      }
      .result {
        font-size: 0.875rem;
        overflow-wrap: anywhere;
      }
      .result.done {
        color: var(--success-color, #43a047);
      }
      form.rename {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      form.rename input {
        flex: 1 1 220px;
      }
      ol.tracks {
        list-style: none;
        margin: 8px 0 0;
        padding: 0;
      }
      ol.tracks li {
        display: grid;
        grid-template-columns: 2.5em minmax(0, 1fr) auto;
        gap: 8px;
        align-items: center;
        padding: 8px 4px;
        border-bottom: 1px solid var(--divider-color, #eee);
      }
      ol.tracks li:last-child {
        border-bottom: none;
      }
      .position {
        color: var(--secondary-text-color);
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .track-title {
        font-weight: 500;
      }
      .length {
        color: var(--secondary-text-color);
        font-variant-numeric: tabular-nums;
      }
      .preview-note {
        margin: 12px 0 0;
      }
    `,
  ];

  private t(key: string, vars?: Vars): string {
    return localize(this.hass, key, vars);
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    const previous = changed.get("playlist") as SavedPlaylist | undefined;
    if (changed.has("playlist") && previous?.id !== this.playlist?.id) {
      this.mode = "view";
      this.exported = undefined;
      this.changeError = "";
    }
  }

  render() {
    const playlist = this.playlist;
    if (!playlist) return nothing;
    return html`<article class="card" data-testid="playlist-detail" data-playlist-id=${playlist.id ?? ""}>
      <header>
        <h2 class="name-heading" dir="auto" title=${playlist.name}>${playlist.name}</h2>
        <span class="badge">${algorithmLabel(this.hass, playlist.algorithm)}</span>
      </header>
      ${this.renderFacts(playlist)} ${playlist.id ? this.renderActions(playlist.id) : nothing}
      ${this.preview
        ? html`<p class="muted preview-note" role="status">
            ${this.t("playlists.preview_note", { count: playlist.tracks.length })}
          </p>`
        : nothing}
      ${playlist.tracks.length
        ? html`<ol class="tracks" aria-label=${this.t("playlists.tracks")}>
            ${playlist.tracks.map(
              (track, index) => html`<li data-testid=${this.preview ? "playlist-preview-track" : "playlist-track"}>
                <span class="position">${track.position ?? index + 1}</span>
                <span class="ellipsis">
                  <span class="track-title" dir="auto" title=${track.title}>${track.title}</span><br />
                  <span class="muted"
                    >${linked(track.artist, track.artist_id, artistPath)} ·
                    ${linked(track.album, track.album_id, albumPath)}</span
                  >
                </span>
                <span class="length">${trackLength(this.hass, track.duration)}</span>
              </li>`,
            )}
          </ol>`
        : html`<p class="state">${this.t("playlists.no_tracks")}</p>`}
    </article>`;
  }

  private renderFacts(playlist: SavedPlaylist) {
    const count = playlist.track_count ?? playlist.tracks.length;
    const seconds =
      playlist.total_duration ?? playlist.tracks.reduce((sum, track) => sum + (track.duration ?? 0), 0);
    return html`<div class="facts muted">
      ${playlist.created_at
        ? html`<span>${this.t("playlists.created", { date: formatDateTime(this.hass, playlist.created_at) })}</span>`
        : nothing}
      <span>${this.t("playlists.track_count", { count: formatNumber(this.hass, count) })}</span>
      <span>${formatDuration(this.hass, seconds)}</span>
      ${playlist.unknown_durations
        ? html`<span>${this.t("playlists.unknown_durations", { count: formatNumber(this.hass, playlist.unknown_durations) })}</span>`
        : nothing}
      ${playlist.unique_artists !== undefined
        ? html`<span>${this.t("playlists.artist_count", { count: formatNumber(this.hass, playlist.unique_artists) })}</span>`
        : nothing}
      ${playlist.unique_albums !== undefined
        ? html`<span>${this.t("playlists.album_count", { count: formatNumber(this.hass, playlist.unique_albums) })}</span>`
        : nothing}
    </div>`;
  }

  private renderActions(playlistId: number) {
    const admin = isAdmin(this.hass);
    return html`<div class="actions">
      <div class="action-row">
        <span class="label">${this.t("common.play_in")}</span>
        <aime-zone-picker
          data-testid="playlist-play"
          .hass=${this.hass}
          media-id=${playlistMediaId(playlistId)}
          media-type="playlist"
        ></aime-zone-picker>
      </div>
      <div class="action-row">
        <label class="label" for="format">${this.t("playlists.export")}</label>
        <select
          id="format"
          data-testid="playlist-export-format"
          ?disabled=${!admin}
          .value=${this.format}
          @change=${(event: Event) =>
            (this.format = (event.target as HTMLSelectElement).value as (typeof EXPORT_FORMATS)[number])}
        >
          ${EXPORT_FORMATS.map(
            (format) =>
              html`<option value=${format} ?selected=${format === this.format}>${this.t(`playlists.format.${format}`)}</option>`,
          )}
        </select>
        <button
          data-testid="playlist-export"
          ?disabled=${this.busy || !admin}
          title=${admin ? this.t("playlists.export_hint") : this.t("common.admin_only")}
          @click=${() => this.export(playlistId)}
        >
          ${this.t("playlists.export_button")}
        </button>
        ${admin ? nothing : html`<span class="muted">${this.t("common.admin_only")}</span>`}
        ${this.exported
          ? html`<span class="result ${this.exported.kind}" role=${this.exported.kind === "error" ? "alert" : "status"}
              data-testid="playlist-export-result">${this.exported.text}</span>`
          : nothing}
      </div>
      ${this.renderChange(playlistId)}
    </div>`;
  }

  private renderChange(playlistId: number) {
    const error = this.changeError
      ? html`<span class="result error" role="alert" data-testid="playlist-change-error">${this.changeError}</span>`
      : nothing;
    if (this.mode === "rename") {
      return html`<form
        class="rename"
        @submit=${(event: Event) => this.rename(event, playlistId)}
        @keydown=${this.cancelOnEscape}
      >
        <label class="visually-hidden" for="name">${this.t("playlists.new_name")}</label>
        <input
          id="name"
          data-testid="playlist-rename-input"
          required
          maxlength=${LIMITS.maxName}
          .value=${this.newName}
          @input=${(event: Event) => (this.newName = (event.target as HTMLInputElement).value)}
        />
        <button class="primary" type="submit" data-testid="playlist-rename-save" ?disabled=${this.busy || !this.newName.trim()}>
          ${this.t("playlists.save")}
        </button>
        <button type="button" @click=${() => (this.mode = "view")}>${this.t("playlists.cancel")}</button>
        ${error}
      </form>`;
    }
    if (this.mode === "confirm-delete") {
      return html`<div class="confirm" role="alertdialog" aria-labelledby="confirm-text" @keydown=${this.cancelOnEscape}>
        <p id="confirm-text">${this.t("playlists.delete_confirm", { name: this.playlist.name })}</p>
        <div class="action-row">
          <button class="danger-fill" data-testid="playlist-delete-confirm" ?disabled=${this.busy} @click=${() => this.deletePlaylist(playlistId)}>
            ${this.t("playlists.delete")}
          </button>
          <button data-testid="playlist-delete-cancel" @click=${() => (this.mode = "view")}>${this.t("playlists.cancel")}</button>
          ${error}
        </div>
      </div>`;
    }
    // Renaming and deleting change shared data: only administrators see them (as the hub allows).
    if (!isAdmin(this.hass)) return nothing;
    return html`<div class="action-row">
      <button data-testid="playlist-rename" @click=${this.startRename}>${this.t("playlists.rename")}</button>
      <span class="spacer"></span>
      <button class="danger" data-testid="playlist-delete" @click=${this.confirmDelete}>
        ${this.t("playlists.delete")}
      </button>
      ${error}
    </div>`;
  }

  private cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key === "Escape") this.mode = "view";
  };

  private confirmDelete = async () => {
    this.changeError = "";
    this.mode = "confirm-delete";
    await this.updateComplete;
    // Focus goes to the safe choice, so Enter right after does not delete.
    this.renderRoot.querySelector<HTMLButtonElement>("[data-testid=playlist-delete-cancel]")?.focus();
  };

  private startRename = async () => {
    this.newName = this.playlist.name;
    this.changeError = "";
    this.mode = "rename";
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>("#name")?.select();
  };

  private async export(playlistId: number) {
    this.busy = true;
    this.exported = undefined;
    try {
      const result = await callAimeAction<{ path: string }>(
        this.hass,
        "export_playlist",
        { playlist_id: playlistId, format: this.format },
        true,
      );
      this.exported = { kind: "done", text: this.t("playlists.exported", { path: result?.path ?? "" }) };
    } catch (error) {
      this.exported = { kind: "error", text: await translatedError(this.hass, error) };
    } finally {
      this.busy = false;
    }
  }

  private async rename(event: Event, playlistId: number) {
    event.preventDefault();
    const name = this.newName.trim();
    if (!name) return;
    this.busy = true;
    try {
      await callAimeAction(this.hass, "rename_playlist", { playlist_id: playlistId, name }, true);
      this.mode = "view";
      this.changeError = "";
      this.fire("playlist-changed", { ...this.playlist, name });
    } catch (error) {
      this.changeError = await translatedError(this.hass, error);
    } finally {
      this.busy = false;
    }
  }

  private async deletePlaylist(playlistId: number) {
    this.busy = true;
    try {
      await callAimeAction(this.hass, "delete_playlist", { playlist_id: playlistId });
      this.mode = "view";
      this.fire("playlist-deleted", playlistId);
    } catch (error) {
      this.changeError = await translatedError(this.hass, error);
    } finally {
      this.busy = false;
    }
  }

  private fire(name: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

define("aime-playlist-detail", AimePlaylistDetail);
