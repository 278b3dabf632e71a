// Pieces of the album and artist pages' hero card (styled by page-styles.ts): its figures,
// the date of a first or last play, and its actions (play on a zone, the services' links).
import { html, nothing, type TemplateResult } from "lit";
import "../../components/aime-zone-picker";
import { formatDateTime, localize } from "../../i18n";
import type { HomeAssistant } from "../../types";
import { externalLinks } from "./music-format";

/** Which page: prefixes its translation keys ("album.play") and test ids ("album-play"). */
export type PageKind = "album" | "artist";

export const heroFigure = (value: string, label: string): TemplateResult =>
  html`<div class="figure"><span class="value">${value}</span><span class="label">${label}</span></div>`;

/** A play's date, or the page's "never" when there was none. */
export const playedOn = (hass: HomeAssistant, kind: PageKind, moment: number | null): string =>
  moment ? formatDateTime(hass, moment, { dateStyle: "medium" }) : localize(hass, `${kind}.never`);

/** Play the page's music on a zone, and open it on the services that know it (new tab). */
export function heroActions(
  hass: HomeAssistant,
  kind: PageKind,
  page: { play_media_id?: string | null; links?: Record<string, string> },
): TemplateResult {
  const links = externalLinks(page.links);
  return html`<div class="actions">
    ${page.play_media_id
      ? html`<aime-zone-picker
          data-testid="${kind}-play"
          .hass=${hass}
          media-id=${page.play_media_id}
          .label=${localize(hass, `${kind}.play`)}
        ></aime-zone-picker>`
      : nothing}
    ${links.length
      ? html`<nav class="links" aria-label=${localize(hass, `${kind}.links`)}>
          ${links.map(
            (link) =>
              html`<a
                href=${link.url}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="${kind}-link-${link.service}"
                aria-label=${localize(hass, `${kind}.new_tab`, { service: link.name })}
                >${link.name} ↗</a
              >`,
          )}
        </nav>`
      : nothing}
  </div>`;
}
